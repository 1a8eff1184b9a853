import HostMetrics
import Testing

/// os-release against node_exporter's os collector.
@Suite struct OSReleaseTests {
    @Test(arguments: Fixture.allCases)
    func matchesNodeExporter(_ fixture: Fixture) throws {
        // The fixture has no etc/os-release, so usr/lib/os-release is read.
        let release = try OSRelease.read(fixture.paths)
        for expected in try fixture.expectedOutputs() {
            let info = expected.samples("node_os_info")
            #expect(info.count == 1)
            #expect(
                info.first?.labels == [
                    "build_id": release.buildID, "id": release.id, "id_like": release.idLike, "image_id": release.imageID,
                    "image_version": release.imageVersion, "name": release.name, "pretty_name": release.prettyName,
                    "variant": release.variant, "variant_id": release.variantID, "version": release.version,
                    "version_codename": release.versionCodename, "version_id": release.versionID,
                ]
            )
            #expect(expected.value("node_os_version", ["id": release.id, "id_like": release.idLike, "name": release.name]) == Double(release.versionID))
        }
        #expect(release.fields["UBUNTU_CODENAME"] == "focal")
    }

    @Test func etcComesFirstAndQuotingFollowsOSRelease5() throws {
        let text = #"""
            # comment
            NAME="Debian \"GNU\" \$HOME \\ \x"
            ID='de"bian'
            EMPTY=
            VERSION_ID=12

            """#
        let release = try OSRelease(parsing: Array(text.utf8))
        #expect(release.name == #"Debian "GNU" $HOME \ \x"#)
        #expect(release.id == #"de"bian"#)
        #expect(release.fields["EMPTY"] == "" && release.versionID == "12")
        for bad in ["NAME", "=x", "NAME=\"open", "NAME='open"] {
            #expect(throws: HostMetricsError.self, "\(bad)") { try OSRelease(parsing: Array(bad.utf8)) }
        }
    }
}
