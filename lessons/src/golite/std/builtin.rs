//! Package 0: the natives the compiler and the VM emit themselves, whose numbers code.rs fixes
//! (`Native::NOP`...): Go's builtins that need the runtime (`close`, `panic`, `print`,
//! `clear`), a nil function call, `sync.Once`'s steps, slice-to-array conversion. context's
//! cancel functions are numbered here (vm/reach.rs names them) and run by std/context.rs.

use super::support::*;
use crate::runtime::race_frames::MapOp;

pub(super) const PACKAGE: Package = Package { ..Package::NONE };

/// Runs native `n` on its arguments `a`.
pub(super) fn call(t: &mut GoTask, cx: &mut Cx<'_, Value>, n: Native, a: &[Value]) -> NRes {
    let arg = |i: usize| a.get(i).cloned().unwrap_or_default();
    match n {
        Native::NOP => {}
        Native::NIL_FUNC_CALL => {
            return NRes::Panic(
                "runtime error: invalid memory address or nil pointer dereference".into(),
            );
        }
        Native::CLOSE => {
            if let Err(m) = cx.close(crate::golite::vm::chan_of(&arg(0))) {
                return NRes::Panic(m);
            }
        }
        Native::PANIC_VALUE => {
            let v = arg(0);
            let m = super::fmt::panic_text(t, &v);
            t.start_panic(v, m);
            return NRes::Reload;
        }
        Native::BUILTIN_PRINT | Native::BUILTIN_PRINTLN => {
            // The builtins write to stderr: println separates every operand with a space (print
            // never does), and neither calls String methods. Go 1.27 prints floats as %v does.
            let items = slice_items(&arg(0));
            let parts: Vec<String> = items
                .iter()
                .map(|v| fmt_value::sprint(t, std::slice::from_ref(v)))
                .collect();
            let text = if n == Native::BUILTIN_PRINTLN {
                parts.join(" ") + "\n"
            } else {
                parts.concat()
            };
            cx.print_err(&text);
        }
        Native::CLEAR => match arg(0) {
            Value::Map(m) => {
                // Go's runtime.mapclear writes the map (not its entries' values).
                if cx.race_enabled() {
                    let site = t.user_site();
                    let w = crate::runtime::AccessKind::Write;
                    t.sh.race_pins.map(cx, site, &m, w, MapOp::Clear);
                }
                let mut m = m.borrow_mut();
                m.entries.clear();
                m.clears += 1;
            }
            // Go's race detector does not see clear(s) (a memclr the compiler does not
            // instrument: checked with go run -race, Go 1.27.3), so neither does golite.
            Value::Slice(o, off, len, _) => {
                // A step per element past a few, as copy and append charge.
                if len > 16 {
                    t.charge(cx, u64::from(len), "clear");
                }
                let zero = arg(1);
                for i in off..off + len {
                    o.set(i as usize, zero.copy_value());
                }
            }
            _ => {}
        },
        Native::ONCE_DO => {}
        Native::ONCE_BEGIN => {
            let o = arg(0);
            let id = lazy_id(&o, 0, || Ref::Once(cx.once_new()));
            match cx.once_begin(crate::runtime::OnceId(id)) {
                ROp::Ready(b) => push!(t, Value::Bool(b)),
                ROp::Blocked => return NRes::Block(Pending::OnceFalse),
                ROp::Panic(m) => return NRes::Panic(m),
            }
        }
        Native::ONCE_END => {
            let o = arg(0);
            let id = lazy_id(&o, 0, || Ref::Once(cx.once_new()));
            cx.once_end(crate::runtime::OnceId(id));
        }
        Native::SLICE_TO_ARRAY | Native::SLICE_TO_ARRAY_PTR => {
            let (sl, want) = (arg(0), arg(1).as_int());
            let len = match &sl {
                Value::Slice(_, _, len, _) => i64::from(*len),
                _ => 0,
            };
            if len < want {
                return NRes::Panic(format!(
                    "runtime error: cannot convert slice with length {len} to array or pointer to array with length {want}"
                ));
            }
            let v = match sl {
                // The pointer shares the slice's backing array: a view of its first N elements.
                Value::Slice(o, off, _, _) if n == Native::SLICE_TO_ARRAY_PTR => {
                    Value::Slice(o, off, want as u32, want as u32)
                }
                // A nil slice gives a nil pointer.
                _ if n == Native::SLICE_TO_ARRAY_PTR => Value::Nil,
                // The array is a copy (of nested structs and arrays too).
                sl => Value::agg(
                    slice_items(&sl)
                        .iter()
                        .take(want as usize)
                        .map(Value::copy_value)
                        .collect(),
                ),
            };
            push!(t, v)
        }
        Native::CTX_CANCEL | Native::CTX_CANCEL_CAUSE => {
            return super::context::cancel(t, cx, n, a);
        }
        _ => {}
    }
    NRes::Ok
}
