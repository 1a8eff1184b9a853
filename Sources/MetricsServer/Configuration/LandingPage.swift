/// The HTML page at `/`, as node_exporter serves one: a title, a line of description, and
/// links to the metrics path, the health check and any others given.
public struct LandingPage: Sendable, Hashable {
    /// The page title and heading.
    public var title: String
    /// One paragraph under the heading.
    public var description: String
    /// Links listed after the metrics and health links.
    public var links: [Link]

    /// A link on the landing page.
    public struct Link: Sendable, Hashable {
        /// Where it points: a path on this server or any URL.
        public var address: String
        /// The text shown.
        public var text: String

        /// A link to `address` reading `text`.
        public init(address: String, text: String) {
            self.address = address
            self.text = text
        }
    }

    /// A page with these texts; the defaults suit any service.
    public init(title: String = "Metrics", description: String = "Prometheus metrics of this process.", links: [Link] = []) {
        self.title = title
        self.description = description
        self.links = links
    }

    /// The page as UTF-8 HTML, linking to `metricsPath`.
    func html(metricsPath: String) -> String {
        let allLinks = [Link(address: metricsPath, text: "Metrics"), Link(address: "/-/healthy", text: "Health")] + links
        var html = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="UTF-8">
            <title>\(escaped(title))</title>
            </head>
            <body>
            <h1>\(escaped(title))</h1>
            <p>\(escaped(description))</p>
            <ul>

            """
        for link in allLinks {
            html += "<li><a href=\"\(escaped(link.address))\">\(escaped(link.text))</a></li>\n"
        }
        html += "</ul>\n</body>\n</html>\n"
        return html
    }

    private func escaped(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
