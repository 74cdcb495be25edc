import WFStore
import WFGenerator

/// The demo county three ways, for tests that check a column path against the general one: as
/// generated; with every fifth of the first 300 orgs' women null and org 12 deleted; and with
/// cells changed after load (which the column paths read through the store, not in place).
enum DemoVariants {
    static func stores() -> [Store] {
        var nulls = Demo.county()
        for r in Int32(0)..<300 where r % 5 == 0 { nulls.setCell(Schema.Org.women, r, nullCell) }
        nulls.delete(.org, 12)
        var changed = Demo.county()
        changed.setCell(Schema.Org.women, 5, 99_999)
        changed.setCell(Schema.Org.founded, 7, nullCell)
        return [Demo.county(), nulls, changed]
    }
}
