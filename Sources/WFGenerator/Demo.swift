import WFStore

/// The built-in demo network that `wf` opens when no snapshot is given: 平安县, a county of six
/// townships and streets with 34 villages and communities each, generated at start-up (well
/// under 80 ms in a release build) so that no file has to be shipped or downloaded.
public enum Demo {
    /// The county and the names the documentation's examples use.
    public static let countyPlace = "平安县"
    public static let seatTownship = "城关镇"
    /// A village of 城关镇 that is still a congress (东风村妇代会), directed by 王芳.
    public static let congressVillage = "东风村"
    public static let knownPerson = "王芳"
    /// The county's number in its region code (21–80 are counties, not districts).
    static let countyNumber = 23
    static let seed: UInt64 = 2026

    /// The demo county, the same on every call.
    /// - Complexity: O(size of the county): about 2,200 orgs, 3,200 people and 170,000 rows in
    ///   all, about 50 ms in a release build.
    public static func county() -> Store {
        var store = Generator(scale: .county, seed: seed, asOf: Generator.defaultAsOf, shape: Shape.demoCounty).generate()
        store.meta.name = countyPlace + " (demo)"
        return store
    }
}
