/// A constant series whose labels carry facts about the target (version, commit, build
/// date); its value is always 1. Join on it in queries instead of adding those labels to
/// every other series.
public final class Info: Sendable {
    init() {}
}
