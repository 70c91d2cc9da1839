//! Go's `iter`: the iterator types `Seq` and `Seq2`, written in Go (std/mod.rs's `go_source`)
//! as the generic function types Go declares. A loop over them is compile/range_func.rs's.
//! `iter.Pull` and `Pull2` are Go's coroutines made of a goroutine and two unbuffered
//! channels: the goroutine exists from Pull until the sequence ends or stop is called (Go's
//! coroutine is a goroutine too, which NumGoroutine counts), and each next hands control over
//! and back, so the sequence's code runs only inside next and stop, as in Go. A panic in the
//! sequence reaches next's (or stop's) caller; after stop, yield returns false. The two
//! channels are marked as a coroutine's (the hidden native `iterꞏ.ꞏcoroutine`), so a goroutine
//! waiting on one is in Go's state `coroutine` (dumps, leaks), not `chan receive`.

use super::support::*;

natives! {
    Pkg::Iter;
    IterCoroutine,
}

const PATH: &str = "iter";

/// The package.
pub(super) const PACKAGE: Package = Package {
    pkg: Pkg::Iter,
    path: PATH,
    go: GO,
    ..Package::NONE
};

/// The member `name` of the package: only the hidden native; the rest is Go (`GO`).
pub(super) fn member(c: &mut Compiler, name: &str) -> Option<Member> {
    match name.strip_prefix('\u{a78f}')? {
        "coroutine" => Some(Member::Func(
            N::IterCoroutine,
            sig(c, PATH, "func(chan bool)"),
        )),
        _ => None,
    }
}

/// Its native: marks a channel as a coroutine's.
pub(super) fn call(_t: &mut GoTask, cx: &mut Cx<'_, Value>, n: Native, a: &[Value]) -> NRes {
    if n == N::IterCoroutine
        && let Some(Value::Chan(c)) = a.first()
    {
        cx.mark_coroutine(c.id);
    }
    NRes::Ok
}

const GO: &str = r#"
type iterꞏSeq[V any] func(yield func(V) bool)

type iterꞏSeq2[K, V any] func(yield func(K, V) bool)

func iterꞏPull[V any](seq iterꞏSeq[V]) (func() (V, bool), func()) {
	var v V
	next, stop := iterꞏpull(func(yield func() bool) {
		seq(func(x V) bool {
			v = x
			return yield()
		})
	})
	return func() (V, bool) {
			var zero V
			if !next() {
				return zero, false
			}
			return v, true
		}, func() {
			stop()
			var zero V
			v = zero
		}
}

func iterꞏPull2[K, V any](seq iterꞏSeq2[K, V]) (func() (K, V, bool), func()) {
	var k K
	var v V
	next, stop := iterꞏpull(func(yield func() bool) {
		seq(func(a K, b V) bool {
			k, v = a, b
			return yield()
		})
	})
	return func() (K, V, bool) {
			var zk K
			var zv V
			if !next() {
				return zk, zv, false
			}
			return k, v, true
		}, func() {
			stop()
			var zk K
			var zv V
			k, v = zk, zv
		}
}

// iterꞏpull runs body on its own goroutine, one step per next: next reports whether body
// yielded (true) or ended (false); stop makes the pending yield return false.
func iterꞏpull(body func(yield func() bool)) (func() bool, func()) {
	var done, panicked bool
	var pv any
	resume := make(chan bool)
	back := make(chan bool)
	iterꞏ.ꞏcoroutine(resume)
	iterꞏ.ꞏcoroutine(back)
	go func() {
		defer func() {
			if p := recover(); p != nil {
				panicked, pv = true, p
			}
			done = true
			back <- false
		}()
		if !<-resume {
			return
		}
		body(func() bool {
			if done {
				return false
			}
			back <- true
			return <-resume
		})
	}()
	// The goroutine has just sent its last message: let it end before the caller goes on, as
	// Go's coroutine has ended when next or stop returns.
	rethrow := func() {
		runtimeꞏ.Gosched()
		if panicked {
			panicked = false
			panic(pv)
		}
	}
	next := func() bool {
		if done {
			return false
		}
		resume <- true
		if <-back {
			return true
		}
		rethrow()
		return false
	}
	stop := func() {
		if done {
			return
		}
		done = true
		resume <- false
		<-back
		rethrow()
	}
	return next, stop
}
"#;
