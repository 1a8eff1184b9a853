/// A text-format exposition split into families: each family's `# HELP` and `# TYPE` lines and
/// its sample lines, as written.
struct Exposition {
    struct Family: Equatable {
        var help: String?
        var type: String?
        var samples: [String] = []
    }

    var families: [String: Family] = [:]

    /// Parses `text`; sample lines that `dropSample` accepts are left out (the e2e test's grep).
    init(_ text: String, droppingSamples dropSample: (Substring) -> Bool = { _ in false }) {
        var current = ""
        for line in text.split(separator: "\n") {
            if line.hasPrefix("# HELP ") || line.hasPrefix("# TYPE ") {
                current = String(line.split(separator: " ")[2])
                if line.hasPrefix("# HELP ") {
                    families[current, default: Family()].help = String(line)
                } else {
                    families[current, default: Family()].type = String(line)
                }
            } else if !dropSample(line) {
                families[current, default: Family()].samples.append(String(line))
            }
        }
    }
}
