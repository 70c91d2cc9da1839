//! The postMessage API through which a host page drives an embedded lesson and hears back
//! from it.
