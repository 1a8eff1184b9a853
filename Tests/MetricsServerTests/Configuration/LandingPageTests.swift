import Foundation
@testable import MetricsServer
import Testing

@Suite struct LandingPageTests {
    @Test func textIsEscapedAndLinksFollowTheMetricsAndHealthLinks() {
        let page = LandingPage(
            title: "A & B",
            description: "<script>alert('x')</script>",
            links: [LandingPage.Link(address: "/x?a=1&b=\"2\"", text: "X")]
        )
        let html = page.html(metricsPath: "/metrics")
        #expect(html.contains("<title>A &amp; B</title>"))
        #expect(html.contains("<p>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</p>"))
        let metrics = html.range(of: "<li><a href=\"/metrics\">Metrics</a></li>")
        let health = html.range(of: "<li><a href=\"/-/healthy\">Health</a></li>")
        let extra = html.range(of: "<li><a href=\"/x?a=1&amp;b=&quot;2&quot;\">X</a></li>")
        #expect(metrics != nil && health != nil && extra != nil)
        if let metrics, let health, let extra {
            #expect(metrics.upperBound <= health.lowerBound && health.upperBound <= extra.lowerBound)
        }
    }
}
