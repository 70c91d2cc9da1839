//! How library functions are numbered: each package has a number ([`Pkg`], its index in
//! std/mod.rs's table) and numbers its own natives and inline-compiled calls with the
//! [`natives!`] and [`generics!`] lists at the top of its file. A [`Native`] or
//! [`Generic::Call`] is that pair, so code.rs names none of them.

#[allow(unused_imports)] // used by the macros' expansions
use crate::golite::code::{Generic, Native};

/// The packages, in the order std/mod.rs's `PACKAGES` lists them (and registers their types'
/// methods: the order the library always used, so method symbols keep their numbers).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Pkg {
    Builtin,
    Time,
    Sync,
    Context,
    Errors,
    Fmt,
    Runtime,
    Strings,
    Atomic,
    Strconv,
    Sort,
    Slices,
    Maps,
    Rand,
    Math,
    Os,
    Unicode,
    Utf8,
    Log,
    Cmp,
    Io,
    Bytes,
    Bufio,
    List,
    Heap,
    Net,
    Http,
    Httptest,
    Iter,
    Bits,
    Cmplx,
    Hash,
    Crc32,
    Fnv,
    Sha256,
    Fs,
    Hex,
    Path,
    Filepath,
}

/// A package's natives: `natives! { Pkg::Time; TimeSleep, TimeAfter, ... }` makes `N::TimeSleep`
/// a [`Native`] constant of package `Pkg::Time`, usable as a value and as a match pattern.
macro_rules! natives {
    ($pkg:expr; $($name:ident),* $(,)?) => {
        #[allow(clippy::enum_variant_names)]
        #[repr(u16)]
        enum NativeIndex { $($name),* }
        /// This package's natives.
        pub(super) struct N;
        #[allow(non_upper_case_globals, dead_code)]
        impl N {
            $(pub(super) const $name: Native = Native {
                pkg: $pkg as u8,
                index: NativeIndex::$name as u16,
            };)*
        }
    };
}
pub(super) use natives;

/// A package's calls compiled inline: `generics! { Pkg::Errors; ErrorsIs, ... }` makes
/// `G::ErrorsIs` a [`Generic::Call`] constant, as [`natives!`] does for natives.
macro_rules! generics {
    ($pkg:expr; $($name:ident),* $(,)?) => {
        #[allow(clippy::enum_variant_names)]
        #[repr(u16)]
        enum GenericIndex { $($name),* }
        /// This package's calls compiled inline.
        pub(super) struct G;
        #[allow(non_upper_case_globals, dead_code)]
        impl G {
            $(pub(super) const $name: Generic =
                Generic::Call($pkg as u8, GenericIndex::$name as u16);)*
        }
    };
}
pub(super) use generics;
