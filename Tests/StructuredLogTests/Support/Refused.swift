/// An error for lines that carry one.
struct Refused: Error {}
