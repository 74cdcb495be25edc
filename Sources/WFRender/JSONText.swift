/// JSON string literals for other modules (the JSON Lines export writes rows without building a
/// `ResultTable`, but must escape exactly as the JSON renderer does).
public enum JSONText {
    /// `text` as a quoted JSON string (RFC 8259).
    public static func quoted(_ text: String) -> String {
        var out = ""
        JSON.appendString(text, to: &out)
        return out
    }
}
