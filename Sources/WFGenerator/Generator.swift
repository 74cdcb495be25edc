import WFStore

/// Makes a realistic network of the federation's grassroots organisations, deterministically:
/// the same scale, seed and as-of date give the same store, cell for cell, on any machine.
///
/// What "realistic" means, figure by figure, is in domain.md; the choices are documented where
/// they are made (`Shape` for the sizes, `Run+*.swift` for each part of the network).
public struct Generator {
    /// The as-of date used unless one is given: 30 June 2026, inside the 2021–2026 term.
    public static let defaultAsOf = Day(raw: 20_634)

    public let scale: Scale
    public let seed: UInt64
    public let asOf: Day
    let shape: Shape

    public init(scale: Scale, seed: UInt64, asOf: Day = Generator.defaultAsOf) {
        self.init(scale: scale, seed: seed, asOf: asOf, shape: Shape.of(scale))
    }

    init(scale: Scale, seed: UInt64, asOf: Day, shape: Shape) {
        self.scale = scale
        self.seed = seed
        self.asOf = asOf
        self.shape = shape
    }

    /// Generates the network.
    /// - Parameter progress: called with 0…1 now and then (about 100 times at most), for a
    ///   progress bar; always with 0 first and 1 last.
    /// - Complexity: O(rows generated), about 0.3–0.5 ms per village or community in a release
    ///   build (the demo ~50 ms, a county ~0.2 s, a province ~9 s, the nation ~2.5 min), close to
    ///   half of it in interning strings.
    public func generate(progress: ((Double) -> Void)? = nil) -> Store {
        let run = Run(scale: scale, shape: shape, seed: seed, asOf: asOf, progress: progress)
        run.reserve()
        run.generateNetwork()
        var store = run.em.builder.build()
        store.meta.scale = scale.rawValue
        store.meta.seed = seed
        store.meta.origin = "wf generator 1"
        store.meta.asOf = asOf
        store.meta.name = "\(run.rootPlace) \(scale.rawValue) seed \(seed)"
        return store
    }
}

