// The cases .ci/lint-traps --self-test checks it against: each line that must be reported ends
// with an "expect" comment naming what; every other line must pass. Not compiled (not in Sources).
let a = b != c
let d = !flag
let e = x!  // expect: force unwrap
let f = "\(x!)"  // expect: force unwrap
let g = "text with ! and try! and as! T"
// let h = x!
/* let i = x! /* nested */ y! */
let j = #"raw \(x!) "#
let k = #"raw \#(x!) "#  // expect: force unwrap
let l = """
  multi \(value!) line  // expect: force unwrap
  """
let m = try! load()  // expect: try!
let n = try? load()
let o = thing as! T  // expect: as!
let p = thing as? T
let q = x!.y  // expect: force unwrap
let r = foo()!  // expect: force unwrap
let s = a[0]!  // expect: force unwrap
let t = Int(exactly: d)
let u = Int(d.rounded())  // expect: Int(...)
let v = Int(count)
let w = Int(x * 2)  // expect: Int(...)
let y = Int("12")
precondition(ok)  // expect: precondition
let z = x !== y
let aa = "\\(x!)"
let bb = "\(a ? "x!" : "\(b!)")"  // expect: force unwrap
let cc = x!  // trap-free: the self-test's exemption
