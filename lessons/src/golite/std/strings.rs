//! Go's `strings`: the functions, `Builder` and `Replacer`; the ones that call back into the
//! program are written in Go.

use super::support::*;
use super::unicode;

natives! {
    Pkg::Strings;
    StrContains,
    StrContainsRune,
    StrHasPrefix,
    StrHasSuffix,
    StrIndex,
    StrLastIndex,
    StrSplit,
    StrSplitN,
    StrFields,
    StrJoin,
    StrRepeat,
    StrToUpper,
    StrToLower,
    StrTrimSpace,
    StrTrim,
    StrTrimLeft,
    StrTrimRight,
    StrTrimPrefix,
    StrTrimSuffix,
    StrReplace,
    StrReplaceAll,
    StrCount,
    StrEqualFold,
    StrTitle,
    StrCut,
    StrCutPrefix,
    StrCutSuffix,
    StrIndexByte,
    StrIndexRune,
    StrIndexAny,
    StrLastIndexAny,
    StrLastIndexByte,
    StrContainsAny,
    StrToTitle,
    StrClone,
    BuilderWrite,
    BuilderGrow,
    StrNewReplacer,
    ReplacerReplace,
    BuilderWriteString,
    BuilderWriteByte,
    BuilderWriteRune,
    BuilderString,
    BuilderLen,
    BuilderReset,
    StrCompare,
}

const PATH: &str = "strings";

pub(super) const PACKAGE: Package = Package {
    pkg: Pkg::Strings,
    path: PATH,
    value_wrapper,
    go: GO,
    needs: &["io", "iter"],
    ..Package::NONE
};

/// The member `name` of the package.
pub(super) fn member(c: &mut Compiler, name: &str) -> Option<Member> {
    let std = c.std.clone();
    let f = |c: &mut Compiler, s: &str, n: Native| Some(Member::Func(n, sig(c, PATH, s)));
    match name {
        "Builder" => Some(Member::Type(std.builder)),
        "Contains" => f(c, "func(string, string) bool", N::StrContains),
        "ContainsRune" => f(c, "func(string, rune) bool", N::StrContainsRune),
        "HasPrefix" => f(c, "func(string, string) bool", N::StrHasPrefix),
        "HasSuffix" => f(c, "func(string, string) bool", N::StrHasSuffix),
        "Index" => f(c, "func(string, string) int", N::StrIndex),
        "LastIndex" => f(c, "func(string, string) int", N::StrLastIndex),
        "Split" => f(c, "func(string, string) []string", N::StrSplit),
        "SplitN" => f(c, "func(string, string, int) []string", N::StrSplitN),
        "Fields" => f(c, "func(string) []string", N::StrFields),
        "Join" => f(c, "func([]string, string) string", N::StrJoin),
        "Repeat" => f(c, "func(string, int) string", N::StrRepeat),
        "ToUpper" => f(c, "func(string) string", N::StrToUpper),
        "ToLower" => f(c, "func(string) string", N::StrToLower),
        "TrimSpace" => f(c, "func(string) string", N::StrTrimSpace),
        "Trim" => f(c, "func(string, string) string", N::StrTrim),
        "TrimLeft" => f(c, "func(string, string) string", N::StrTrimLeft),
        "TrimRight" => f(c, "func(string, string) string", N::StrTrimRight),
        "TrimPrefix" => f(c, "func(string, string) string", N::StrTrimPrefix),
        "TrimSuffix" => f(c, "func(string, string) string", N::StrTrimSuffix),
        "Replace" => f(c, "func(string, string, string, int) string", N::StrReplace),
        "ReplaceAll" => f(c, "func(string, string, string) string", N::StrReplaceAll),
        "Count" => f(c, "func(string, string) int", N::StrCount),
        "EqualFold" => f(c, "func(string, string) bool", N::StrEqualFold),
        "Title" => f(c, "func(string) string", N::StrTitle),
        "Compare" => f(c, "func(string, string) int", N::StrCompare),
        "NewReplacer" => f(c, "func(...string) *Replacer", N::StrNewReplacer),
        "Replacer" => Some(Member::Type(c.more.replacer)),
        "Cut" => f(c, "func(string, string) (string, string, bool)", N::StrCut),
        "CutPrefix" => f(c, "func(string, string) (string, bool)", N::StrCutPrefix),
        "CutSuffix" => f(c, "func(string, string) (string, bool)", N::StrCutSuffix),
        "IndexByte" => f(c, "func(string, byte) int", N::StrIndexByte),
        "IndexRune" => f(c, "func(string, rune) int", N::StrIndexRune),
        "IndexAny" => f(c, "func(string, string) int", N::StrIndexAny),
        "LastIndexAny" => f(c, "func(string, string) int", N::StrLastIndexAny),
        "LastIndexByte" => f(c, "func(string, byte) int", N::StrLastIndexByte),
        "ContainsAny" => f(c, "func(string, string) bool", N::StrContainsAny),
        "ToTitle" => f(c, "func(string) string", N::StrToTitle),
        "Clone" => f(c, "func(string) string", N::StrClone),
        _ if !name.starts_with(|ch: char| ch.is_ascii_lowercase()) => {
            value_wrapper(name).map(|src| Member::Generic(Generic::Source(src)))
        }
        _ => None,
    }
}

/// Registers the methods of the package's types.
pub(super) fn register(c: &mut Compiler) {
    let s = c.std.clone();
    add_methods(
        c,
        PATH,
        &[
            (
                s.builder,
                "WriteString",
                "func(string) (int, error)",
                N::BuilderWriteString,
                true,
            ),
            (
                s.builder,
                "WriteByte",
                "func(byte) error",
                N::BuilderWriteByte,
                true,
            ),
            (
                s.builder,
                "WriteRune",
                "func(rune) (int, error)",
                N::BuilderWriteRune,
                true,
            ),
            (s.builder, "String", "func() string", N::BuilderString, true),
            (s.builder, "Len", "func() int", N::BuilderLen, true),
            (s.builder, "Reset", "func()", N::BuilderReset, true),
        ],
    );
    let strs = c.types.slice(ids::STRING);
    let replacer = named_struct(&mut c.types, "strings.Replacer", &[("pairs", strs)]);
    c.more.replacer = replacer;
    add_method(
        c,
        replacer,
        PATH,
        "Replace",
        "func(string) string",
        N::ReplacerReplace,
        true,
    );
    let b = s.builder;
    add_method(
        c,
        b,
        PATH,
        "Write",
        "func([]byte) (int, error)",
        N::BuilderWrite,
        true,
    );
    add_method(c, b, PATH, "Grow", "func(int)", N::BuilderGrow, true);
}

/// Runs native `n` on its arguments `a`.
pub(super) fn call(t: &mut GoTask, cx: &mut Cx<'_, Value>, n: Native, a: &[Value]) -> NRes {
    let arg = |i: usize| a.get(i).cloned().unwrap_or_default();
    match n {
        N::StrContains => push!(t, Value::Bool(s(&arg(0)).contains(s(&arg(1))))),
        N::StrContainsRune => {
            let c = char::from_u32(arg(1).as_int() as u32).unwrap_or('\u{FFFD}');
            push!(t, Value::Bool(s(&arg(0)).contains(c)))
        }
        N::StrHasPrefix => push!(t, Value::Bool(s(&arg(0)).starts_with(s(&arg(1))))),
        N::StrHasSuffix => push!(t, Value::Bool(s(&arg(0)).ends_with(s(&arg(1))))),
        N::StrIndex => push!(
            t,
            Value::Int(s(&arg(0)).find(s(&arg(1))).map_or(-1, |i| i as i64))
        ),
        N::StrLastIndex => push!(
            t,
            Value::Int(s(&arg(0)).rfind(s(&arg(1))).map_or(-1, |i| i as i64))
        ),
        N::StrSplit => {
            let (x, sep) = (arg(0), arg(1));
            let pieces = if s(&sep).is_empty() {
                s(&x).len()
            } else {
                s(&x).matches(s(&sep)).count() + 1
            } as u64;
            if let Err(r) = reserve(t, cx, pieces * 16, pieces) {
                return r;
            }
            let parts: Vec<String> = if s(&sep).is_empty() {
                s(&x).chars().map(|c| c.to_string()).collect()
            } else {
                s(&x).split(s(&sep)).map(str::to_string).collect()
            };
            push!(t, str_slice(parts));
        }
        N::StrSplitN => {
            let (x, sep, k) = (arg(0), arg(1), arg(2).as_int());
            let parts: Vec<String> = if k == 0 {
                Vec::new()
            } else if k < 0 {
                s(&x).split(s(&sep)).map(str::to_string).collect()
            } else {
                s(&x)
                    .splitn(k as usize, s(&sep))
                    .map(str::to_string)
                    .collect()
            };
            push!(t, str_slice(parts));
        }
        N::StrFields => push!(
            t,
            str_slice(s(&arg(0)).split_whitespace().map(str::to_string).collect())
        ),
        N::StrJoin => {
            let items: Vec<String> = slice_items(&arg(0))
                .iter()
                .map(|v| v.as_str().to_string())
                .collect();
            push!(t, strv(items.join(s(&arg(1)))));
        }
        N::StrRepeat => {
            let k = arg(1).as_int();
            if k < 0 {
                return NRes::Panic("strings: negative Repeat count".into());
            }
            let x = arg(0);
            let Some(len) = (s(&x).len() as u64)
                .checked_mul(k as u64)
                .filter(|&l| l <= i64::MAX as u64)
            else {
                return NRes::Panic("strings: Repeat output length overflow".into());
            };
            if let Err(r) = reserve(t, cx, len, 0) {
                return r;
            }
            push!(t, strv(s(&x).repeat(k as usize)));
        }
        N::StrToUpper => push!(t, strv(map_runes(s(&arg(0)), unicode::to_upper))),
        N::StrToLower => push!(t, strv(map_runes(s(&arg(0)), unicode::to_lower))),
        N::StrTrimSpace => push!(t, strv(s(&arg(0)).trim())),
        N::StrTrim | N::StrTrimLeft | N::StrTrimRight => {
            let set: Vec<char> = s(&arg(1)).chars().collect();
            let x = arg(0);
            let r = match n {
                N::StrTrim => s(&x).trim_matches(|c| set.contains(&c)),
                N::StrTrimLeft => s(&x).trim_start_matches(|c| set.contains(&c)),
                _ => s(&x).trim_end_matches(|c| set.contains(&c)),
            };
            push!(t, strv(r));
        }
        N::StrTrimPrefix => {
            let x = arg(0);
            push!(t, strv(s(&x).strip_prefix(s(&arg(1))).unwrap_or(s(&x))));
        }
        N::StrTrimSuffix => {
            let x = arg(0);
            push!(t, strv(s(&x).strip_suffix(s(&arg(1))).unwrap_or(s(&x))));
        }
        N::StrReplace => {
            let k = arg(3).as_int();
            let (x, old, new) = (arg(0), arg(1), arg(2));
            let hits = if s(&old).is_empty() {
                s(&x).chars().count() + 1
            } else {
                s(&x).matches(s(&old)).count()
            } as u64;
            let hits = if k < 0 { hits } else { hits.min(k as u64) };
            let len =
                (s(&x).len() as u64).saturating_add(hits.saturating_mul(s(&new).len() as u64));
            if let Err(r) = reserve(t, cx, len, 0) {
                return r;
            }
            let r = if k < 0 {
                s(&arg(0)).replace(s(&arg(1)), s(&arg(2)))
            } else {
                s(&arg(0)).replacen(s(&arg(1)), s(&arg(2)), k as usize)
            };
            push!(t, strv(r));
        }
        N::StrReplaceAll => {
            let (x, old, new) = (arg(0), arg(1), arg(2));
            let hits = if s(&old).is_empty() {
                s(&x).chars().count() + 1
            } else {
                s(&x).matches(s(&old)).count()
            } as u64;
            let len =
                (s(&x).len() as u64).saturating_add(hits.saturating_mul(s(&new).len() as u64));
            if let Err(r) = reserve(t, cx, len, 0) {
                return r;
            }
            push!(t, strv(s(&x).replace(s(&old), s(&new))));
        }
        N::StrCount => {
            let (x, sub) = (arg(0), arg(1));
            let c = if s(&sub).is_empty() {
                s(&x).chars().count() + 1
            } else {
                s(&x).matches(s(&sub)).count()
            };
            push!(t, Value::Int(c as i64));
        }
        N::StrEqualFold => {
            // Rune by rune under simple case folding: `σ`, `ς` and `Σ` fold together, `ß` and
            // `SS` do not.
            let fold = |c: char| unicode::to_lower(unicode::to_upper(c));
            let (a0, a1) = (arg(0), arg(1));
            let (x, y) = (s(&a0), s(&a1));
            let same = x.chars().count() == y.chars().count()
                && x.chars().zip(y.chars()).all(|(a, b)| fold(a) == fold(b));
            push!(t, Value::Bool(same))
        }
        N::StrTitle => {
            // Go's: the first letter after a separator in title case; a separator is any ASCII
            // but letters, digits and `_`, and beyond ASCII a space.
            let separator = |r: char| match r {
                '0'..='9' | 'a'..='z' | 'A'..='Z' | '_' => false,
                _ if r.is_ascii() => true,
                _ => !r.is_alphanumeric() && r.is_whitespace(),
            };
            let mut prev = ' ';
            let mut out = String::new();
            for c in s(&arg(0)).chars() {
                out.push(if separator(prev) {
                    unicode::to_title(c)
                } else {
                    c
                });
                prev = c;
            }
            push!(t, strv(out));
        }
        N::BuilderWriteString | N::BuilderWriteByte | N::BuilderWriteRune => {
            let b = arg(0);
            let add = match n {
                N::BuilderWriteString => s(&arg(1)).to_string(),
                N::BuilderWriteByte => (arg(1).as_int() as u8 as char).to_string(),
                _ => char::from_u32(arg(1).as_int() as u32)
                    .unwrap_or('\u{FFFD}')
                    .to_string(),
            };
            let cur = get_field(&b, 0);
            // golite's Builder copies its string on every write: count that work.
            let len = (cur.as_str().len() + add.len()) as u64;
            if let Err(r) = reserve(t, cx, len, 0) {
                return r;
            }
            t.charge(cx, len / WORK_BYTES_PER_STEP, "strings.Builder");
            let mut st = cur.as_str().to_string();
            st.push_str(&add);
            set_field(&b, 0, strv(st));
            if n != N::BuilderWriteByte {
                push!(t, Value::Int(add.len() as i64));
            }
            push!(t, Value::Nil);
        }
        N::BuilderString => push!(
            t,
            match get_field(&arg(0), 0) {
                Value::Str(x) => Value::Str(x),
                _ => strv(""),
            }
        ),
        N::BuilderLen => push!(t, Value::Int(get_field(&arg(0), 0).as_str().len() as i64)),
        N::BuilderReset => set_field(&arg(0), 0, strv("")),
        N::StrCompare => push!(
            t,
            Value::Int(match s(&arg(0)).cmp(s(&arg(1))) {
                std::cmp::Ordering::Less => -1,
                std::cmp::Ordering::Equal => 0,
                std::cmp::Ordering::Greater => 1,
            })
        ),
        N::StrCut | N::StrCutPrefix | N::StrCutSuffix => {
            let (x, sep) = (arg(0), arg(1));
            let (x, sep) = (s(&x), s(&sep));
            match n {
                N::StrCut => match x.split_once(sep) {
                    Some((b, a)) => {
                        push!(t, strv(b));
                        push!(t, strv(a));
                        push!(t, Value::Bool(true));
                    }
                    None => {
                        push!(t, strv(x));
                        push!(t, strv(""));
                        push!(t, Value::Bool(false));
                    }
                },
                N::StrCutPrefix => match x.strip_prefix(sep) {
                    Some(r) => {
                        push!(t, strv(r));
                        push!(t, Value::Bool(true));
                    }
                    None => {
                        push!(t, strv(x));
                        push!(t, Value::Bool(false));
                    }
                },
                _ => match x.strip_suffix(sep) {
                    Some(r) => {
                        push!(t, strv(r));
                        push!(t, Value::Bool(true));
                    }
                    None => {
                        push!(t, strv(x));
                        push!(t, Value::Bool(false));
                    }
                },
            }
        }
        N::StrIndexByte => {
            let x = arg(0);
            let b = arg(1).as_int() as u8;
            push!(
                t,
                Value::Int(s(&x).bytes().position(|c| c == b).map_or(-1, |i| i as i64))
            )
        }
        N::StrLastIndexByte => {
            let x = arg(0);
            let b = arg(1).as_int() as u8;
            push!(
                t,
                Value::Int(s(&x).bytes().rposition(|c| c == b).map_or(-1, |i| i as i64))
            )
        }
        N::StrIndexRune => {
            let x = arg(0);
            let i = rune(&arg(1)).and_then(|r| s(&x).find(r));
            push!(t, Value::Int(i.map_or(-1, |i| i as i64)))
        }
        N::StrLastIndexAny => {
            let (x, set) = (arg(0), arg(1));
            let i = s(&x).rfind(|c| s(&set).contains(c));
            push!(t, Value::Int(i.map_or(-1, |i| i as i64)))
        }
        N::StrIndexAny | N::StrContainsAny => {
            let (x, set) = (arg(0), arg(1));
            let i = s(&x).find(|c| s(&set).contains(c));
            push!(
                t,
                if n == N::StrIndexAny {
                    Value::Int(i.map_or(-1, |i| i as i64))
                } else {
                    Value::Bool(i.is_some())
                }
            )
        }
        N::StrToTitle => push!(t, strv(map_runes(s(&arg(0)), unicode::to_title))),
        N::StrClone => push!(t, arg(0)),
        N::BuilderWrite => {
            let b = arg(0);
            let add = String::from_utf8_lossy(&bytes_of(&arg(1))).into_owned();
            if let Value::Agg(o) = &b {
                let mut o = o.borrow_mut();
                let mut st = o.first().map_or(String::new(), |v| v.as_str().to_string());
                st.push_str(&add);
                if let Some(f) = o.first_mut() {
                    *f = strv(st);
                }
            }
            push!(t, Value::Int(add.len() as i64));
            push!(t, Value::Nil);
        }
        N::BuilderGrow if arg(1).as_int() < 0 => {
            return NRes::Panic("strings.Builder.Grow: negative count".into());
        }
        N::StrNewReplacer => {
            let pairs = arg(0);
            if slice_items(&pairs).len() % 2 == 1 {
                return NRes::Panic("strings.NewReplacer: odd argument count".into());
            }
            push!(t, Value::agg(vec![pairs]))
        }
        N::ReplacerReplace => {
            let pairs: Vec<String> = match &arg(0) {
                Value::Agg(o) => slice_items(&o.borrow()[0])
                    .iter()
                    .map(|v| v.as_str().to_string())
                    .collect(),
                _ => Vec::new(),
            };
            let x = arg(1);
            push!(t, strv(replace_pairs(s(&x), &pairs)))
        }
        _ => {}
    }
    NRes::Ok
}

/// `strings.Replacer.Replace`: left to right, at each position the first pair (in argument
/// order) whose old string matches there; replaced text is not scanned again.
fn replace_pairs(s: &str, pairs: &[String]) -> String {
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    'scan: while i < s.len() {
        for p in pairs.chunks(2) {
            let (old, new) = (&p[0], &p[1]);
            if !old.is_empty() && s[i..].starts_with(old.as_str()) {
                out.push_str(new);
                i += old.len();
                continue 'scan;
            }
        }
        let c = s[i..].chars().next().unwrap_or(' ');
        out.push(c);
        i += c.len_utf8();
    }
    out
}

/// Go source of a member golite compiles specially at each call, as a function value
/// (`P.` for the package): what `p := fmt.Println` evaluates to.
fn value_wrapper(name: &str) -> Option<&'static str> {
    Some(match name {
        // Library functions that call back into the program, written in Go (Generic::Source).
        "Map" => {
            "func(mapping func(rune) rune, s string) string { var b P.Builder; \
             for _, r := range s { if m := mapping(r); m >= 0 { b.WriteRune(m) } }; return b.String() }"
        }
        "IndexFunc" => {
            "func(s string, f func(rune) bool) int { for i, r := range s { if f(r) { return i } }; return -1 }"
        }
        "ContainsFunc" => {
            "func(s string, f func(rune) bool) bool { return P.IndexFunc(s, f) >= 0 }"
        }
        "TrimLeftFunc" => {
            "func(s string, f func(rune) bool) string { for i, r := range s { if !f(r) { return s[i:] } }; return \"\" }"
        }
        "TrimRightFunc" => {
            "func(s string, f func(rune) bool) string { r := []rune(s); i := len(r); \
             for i > 0 && f(r[i-1]) { i-- }; return string(r[:i]) }"
        }
        "TrimFunc" => {
            "func(s string, f func(rune) bool) string { return P.TrimRightFunc(P.TrimLeftFunc(s, f), f) }"
        }
        "FieldsFunc" => {
            "func(s string, f func(rune) bool) []string { var out []string; start := -1; \
             for i, r := range s { if f(r) { if start >= 0 { out = append(out, s[start:i]); start = -1 } } \
             else if start < 0 { start = i } }; if start >= 0 { out = append(out, s[start:]) }; return out }"
        }
        _ => return None,
    })
}

fn str_slice(items: Vec<String>) -> Value {
    Value::slice(items.into_iter().map(strv).collect())
}

/// strings.Reader, written in Go (std/mod.rs's `go_source`): an io.Reader over a string.
const GO: &str = r#"
func stringsꞏLines(s string) iterꞏSeq[string] {
	return func(yield func(string) bool) {
		for len(s) > 0 {
			var line string
			if i := stringsꞏ.IndexByte(s, '\n'); i >= 0 {
				line, s = s[:i+1], s[i+1:]
			} else {
				line, s = s, ""
			}
			if !yield(line) {
				return
			}
		}
	}
}

func stringsꞏsplitSeq(s, sep string, sepSave int) iterꞏSeq[string] {
	return func(yield func(string) bool) {
		if len(sep) == 0 {
			prev := 0
			for i := range s {
				if i > 0 {
					if !yield(s[prev:i]) {
						return
					}
					prev = i
				}
			}
			if len(s) > 0 {
				yield(s[prev:])
			}
			return
		}
		for {
			i := stringsꞏ.Index(s, sep)
			if i < 0 {
				break
			}
			frag := s[:i+sepSave]
			if !yield(frag) {
				return
			}
			s = s[i+len(sep):]
		}
		yield(s)
	}
}

func stringsꞏSplitSeq(s, sep string) iterꞏSeq[string] { return stringsꞏsplitSeq(s, sep, 0) }

func stringsꞏSplitAfterSeq(s, sep string) iterꞏSeq[string] {
	return stringsꞏsplitSeq(s, sep, len(sep))
}

func stringsꞏFieldsFuncSeq(s string, f func(rune) bool) iterꞏSeq[string] {
	return func(yield func(string) bool) {
		start := -1
		for i, r := range s {
			if f(r) {
				if start >= 0 {
					if !yield(s[start:i]) {
						return
					}
					start = -1
				}
			} else if start < 0 {
				start = i
			}
		}
		if start >= 0 {
			yield(s[start:])
		}
	}
}

func stringsꞏFieldsSeq(s string) iterꞏSeq[string] {
	return stringsꞏFieldsFuncSeq(s, unicodeꞏ.IsSpace)
}

type stringsꞏReader struct {
	s        string
	i        int64
	prevRune int
}

func stringsꞏNewReader(s string) *stringsꞏReader { return &stringsꞏReader{s, 0, -1} }

// What fmt.Fscan reads of a Reader, and how it moves on past what it used (std/fmt.rs).
func stringsꞏscanRest(r *stringsꞏReader) string {
	if r.i >= int64(len(r.s)) {
		return ""
	}
	return r.s[int(r.i):]
}
func stringsꞏscanSkip(r *stringsꞏReader, n int) {
	r.i += int64(n)
	r.prevRune = -1
}

func (r *stringsꞏReader) Len() int {
	if r.i >= int64(len(r.s)) {
		return 0
	}
	return int(int64(len(r.s)) - r.i)
}
func (r *stringsꞏReader) Size() int64 { return int64(len(r.s)) }
func (r *stringsꞏReader) Reset(s string) {
	r.s = s
	r.i = 0
	r.prevRune = -1
}
func (r *stringsꞏReader) Read(b []byte) (n int, err error) {
	if r.i >= int64(len(r.s)) {
		return 0, ioꞏEOF
	}
	r.prevRune = -1
	end := r.i + int64(len(b))
	if end > int64(len(r.s)) {
		end = int64(len(r.s))
	}
	n = copy(b, []byte(r.s[int(r.i):int(end)]))
	r.i += int64(n)
	return
}
func (r *stringsꞏReader) ReadByte() (byte, error) {
	r.prevRune = -1
	if r.i >= int64(len(r.s)) {
		return 0, ioꞏEOF
	}
	b := r.s[int(r.i)]
	r.i++
	return b, nil
}
func (r *stringsꞏReader) UnreadByte() error {
	if r.i <= 0 {
		return errorsꞏ.New("strings.Reader.UnreadByte: at beginning of string")
	}
	r.prevRune = -1
	r.i--
	return nil
}
func (r *stringsꞏReader) ReadRune() (ch rune, size int, err error) {
	if r.i >= int64(len(r.s)) {
		r.prevRune = -1
		return 0, 0, ioꞏEOF
	}
	r.prevRune = int(r.i)
	if c := r.s[int(r.i)]; c < utf8ꞏ.RuneSelf {
		r.i++
		return rune(c), 1, nil
	}
	ch, size = utf8ꞏ.DecodeRuneInString(r.s[int(r.i):])
	r.i += int64(size)
	return
}
func (r *stringsꞏReader) UnreadRune() error {
	if r.i <= 0 {
		return errorsꞏ.New("strings.Reader.UnreadRune: at beginning of string")
	}
	if r.prevRune < 0 {
		return errorsꞏ.New("strings.Reader.UnreadRune: previous operation was not ReadRune")
	}
	r.i = int64(r.prevRune)
	r.prevRune = -1
	return nil
}
func (r *stringsꞏReader) WriteTo(w ioꞏWriter) (n int64, err error) {
	r.prevRune = -1
	if r.i >= int64(len(r.s)) {
		return 0, nil
	}
	s := r.s[int(r.i):]
	m, err := ioꞏWriteString(w, s)
	if m > len(s) {
		panic("strings.Reader.WriteTo: invalid WriteString count")
	}
	r.i += int64(m)
	n = int64(m)
	if m != len(s) && err == nil {
		err = ioꞏErrShortWrite
	}
	return
}
"#;

/// `x` with each rune mapped by `f`, as Go's `strings.Map` with a case mapping (unicode.rs:
/// Go's simple mappings rune by rune, not Rust's full ones, which can give several).
fn map_runes(x: &str, f: fn(char) -> char) -> String {
    x.chars().map(f).collect()
}
