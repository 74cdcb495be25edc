import WFRender

/// The names `:format` accepts, from WFRender's list so the two never drift apart.
enum OutputFormatNames {
    static var all: [String] { OutputFormat.allCases.map(\.rawValue) }
}
