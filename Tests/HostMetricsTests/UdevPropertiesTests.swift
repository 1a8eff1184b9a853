import HostMetrics
import Testing

/// The udev database against the udev-labelled series of node_exporter 1.5.0's diskstats
/// collector: `node_disk_info`, `node_disk_ata_*`, `node_disk_device_mapper_info` and
/// `node_disk_filesystem_info`.
@Suite struct UdevPropertiesTests {
    @Test func v1_5_0DiskLabelsMatchNodeExporter() throws {
        let paths = Fixture.v1_5_0.paths
        let disks = Dictionary(uniqueKeysWithValues: try DiskStats.read(paths).map { ($0.device, $0) })
        for expected in try Fixture.v1_5_0.expectedOutputs() {
            let info = expected.samples("node_disk_info")
            #expect(info.count == 15)
            for sample in info {
                let device = try #require(sample.labels["device"])
                let disk = try #require(disks[device])
                let udev = try UdevProperties.read(major: disk.major, minor: disk.minor, paths)
                #expect(sample.labels["model"] == udev["ID_MODEL"] ?? "", "\(device)")
                #expect(sample.labels["path"] == udev["ID_PATH"] ?? "", "\(device)")
                #expect(sample.labels["revision"] == udev["ID_REVISION"] ?? "", "\(device)")
                #expect(sample.labels["serial"] == udev["ID_SERIAL_SHORT"] ?? "", "\(device)")
                #expect(sample.labels["wwn"] == udev["ID_WWN"] ?? "", "\(device)")
                let ata: [(String, String)] = [
                    ("node_disk_ata_rotation_rate_rpm", "ID_ATA_ROTATION_RATE_RPM"), ("node_disk_ata_write_cache", "ID_ATA_WRITE_CACHE"),
                    ("node_disk_ata_write_cache_enabled", "ID_ATA_WRITE_CACHE_ENABLED"),
                ]
                for (family, key) in ata {
                    #expect(expected.value(family, ["device": device]) == udev[key].flatMap { Double($0) }, "\(device) \(family)")
                }
                let mapper = udev["DM_NAME"].map { name in
                    [
                        "device": device, "name": name, "lv_layer": udev["DM_LV_LAYER"] ?? "", "lv_name": udev["DM_LV_NAME"] ?? "",
                        "uuid": udev["DM_UUID"] ?? "", "vg_name": udev["DM_VG_NAME"] ?? "",
                    ]
                }
                #expect(expected.samples("node_disk_device_mapper_info").first { $0.labels["device"] == device }?.labels == mapper, "\(device)")
                // An empty ID_FS_TYPE (a disk without a filesystem signature) gives no series.
                let filesystem = udev["ID_FS_TYPE"].flatMap { $0.isEmpty ? nil : $0 }.map { type in
                    ["device": device, "type": type, "usage": udev["ID_FS_USAGE"] ?? "", "uuid": udev["ID_FS_UUID"] ?? "", "version": udev["ID_FS_VERSION"] ?? ""]
                }
                #expect(expected.samples("node_disk_filesystem_info").first { $0.labels["device"] == device }?.labels == filesystem, "\(device)")
            }
        }
        #expect(throws: HostMetricsError.fileMissing(path: paths.udevData("b7:0"))) { try UdevProperties.read(major: 7, minor: 0, paths) }
    }

    @Test func onlyPropertiesAreRead() throws {
        let entry = try UdevProperties(parsing: Array("S:disk/by-id/x\nE:ID_FS_VERSION=LVM2 001\nE:EMPTY=\nG:systemd\n".utf8), path: "b8:0")
        #expect(entry.properties == ["ID_FS_VERSION": "LVM2 001", "EMPTY": ""])
        for bad in ["E:NOEQUALS", "E:=value"] {
            #expect(throws: HostMetricsError.self, "\(bad)") { try UdevProperties(parsing: Array(bad.utf8), path: "b8:0") }
        }
    }
}
