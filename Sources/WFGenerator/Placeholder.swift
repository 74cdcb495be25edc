import WFStore
public enum Scale: String, CaseIterable, Sendable { case village, township, county, province, nation }
public struct Generator {
    public init(scale: Scale, seed: UInt64) {}
    public func generate(progress: ((Double) -> Void)? = nil) -> Store { Store() }
}
public enum Demo { public static func county() -> Store { Store() } }
