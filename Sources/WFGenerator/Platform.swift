// The generator uses `rounded()` and `squareRoot()`, which call into the C maths library in
// debug builds; importing Glibc makes the module link libm itself, so that a client that does
// not import Foundation (the test bundle) still links.
#if canImport(Glibc)
import Glibc
#endif
