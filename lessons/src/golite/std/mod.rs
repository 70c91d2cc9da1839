//! The Go standard library as golite offers it: for the compiler, each package's members (their
//! signatures, and the calls compiled inline); for the VM, the natives that run them. Both
//! reach the library only through the tables built here, which golite's `compile` and `start`
//! hand in: std/ builds on compile/ and vm/, never the reverse.

use crate::golite::code::Std;
use crate::golite::compile::Library;
use crate::golite::vm::Natives;

pub(crate) mod more;
pub(crate) mod natives;
pub(crate) mod packages;
pub(crate) mod strconv;

/// The library as the compiler sees it.
pub(crate) static LIBRARY: Library = Library {
    known: packages::KNOWN,
    member: packages::member,
    std_types: Std::new,
    register_methods: packages::register_methods,
    well_known: packages::well_known,
    generic_result: packages::generic_result,
    generic_call: packages::generic_call,
    value_wrapper: packages::value_wrapper,
    instantiated: packages::instantiated,
    missing_member: packages::missing_member,
    missing_method: packages::missing_method,
};

/// The library as the VM sees it.
pub(crate) static NATIVES: Natives = Natives {
    call: natives::call,
    panic_text: natives::panic_text,
};
