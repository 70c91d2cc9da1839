//! The library's named types (`time.Duration`, `sync.Mutex`, `context.Context`...), made once
//! per compilation, and the ids of them the VM needs at run time. code.rs's `Std` holds them.

use super::support::*;

impl Std {
    pub(crate) fn new(t: &mut Types) -> Std {
        let duration = t.new_named("time.Duration");
        t.set_underlying(duration, ids::INT64);
        let month = t.new_named("time.Month");
        t.set_underlying(month, ids::INT);
        let weekday = t.new_named("time.Weekday");
        t.set_underlying(weekday, ids::INT);
        let time = named_struct(t, "time.Time", &[("sec", ids::INT64), ("nsec", ids::INT64)]);
        let tchan = t.chan(ChanDir::Recv, time);
        let timer = named_struct(t, "time.Timer", &[("C", tchan), ("id", ids::INT)]);
        let ticker = named_struct(t, "time.Ticker", &[("C", tchan), ("id", ids::INT)]);
        let mutex = named_struct(t, "sync.Mutex", &[("id", ids::INT)]);
        let rwmutex = named_struct(t, "sync.RWMutex", &[("id", ids::INT)]);
        let waitgroup = named_struct(t, "sync.WaitGroup", &[("id", ids::INT)]);
        let once = named_struct(t, "sync.Once", &[("id", ids::INT)]);
        let unit = t.func(vec![], vec![], false);
        let locker_iface = t.intern(Kind::Interface(vec![
            ("Lock".into(), unit),
            ("Unlock".into(), unit),
        ]));
        let locker = t.new_named("sync.Locker");
        t.set_underlying(locker, locker_iface);
        let cond = named_struct(t, "sync.Cond", &[("L", locker), ("id", ids::INT)]);
        let empty_struct = t.intern(Kind::Struct(vec![]));
        let done_ch = t.chan(ChanDir::Recv, empty_struct);
        let sig_deadline = t.func(vec![], vec![time, ids::BOOL], false);
        let sig_done = t.func(vec![], vec![done_ch], false);
        let sig_err = t.func(vec![], vec![ids::ERROR], false);
        let sig_value = t.func(vec![ids::ANY], vec![ids::ANY], false);
        let mut ms = vec![
            ("Deadline".to_string(), sig_deadline),
            ("Done".to_string(), sig_done),
            ("Err".to_string(), sig_err),
            ("Value".to_string(), sig_value),
        ];
        ms.sort_by(|a, b| a.0.cmp(&b.0));
        let ctx_iface = t.intern(Kind::Interface(ms));
        let context = t.new_named("context.Context");
        t.set_underlying(context, ctx_iface);
        // `done` owns a cancellable context's Done channel, so the channel is garbage exactly
        // when the context is (see golite::value::ChanRef).
        let ctx_impl = named_struct(
            t,
            "context.cancelCtx",
            &[("id", ids::INT), ("done", done_ch)],
        );
        let cancel_func = t.new_named("context.CancelFunc");
        t.set_underlying(cancel_func, unit);
        let cc = t.func(vec![ids::ERROR], vec![], false);
        let cancel_cause_func = t.new_named("context.CancelCauseFunc");
        t.set_underlying(cancel_cause_func, cc);
        let error_string = named_struct(t, "errors.errorString", &[("s", ids::STRING)]);
        let errs = t.slice(ids::ERROR);
        let wrap_error = named_struct(
            t,
            "fmt.wrapError",
            &[("msg", ids::STRING), ("err", ids::ERROR), ("errs", errs)],
        );
        let join_error = named_struct(t, "errors.joinError", &[("errs", errs)]);
        let wrap_errors = named_struct(
            t,
            "fmt.wrapErrors",
            &[("msg", ids::STRING), ("err", ids::ERROR), ("errs", errs)],
        );
        // The runtime's errors (index out of range, nil map writes...), one concrete type named as
        // Go's most common one; `runtime.Error` is the interface they implement (std/runtime.rs).
        let runtime_error = t.new_named("runtime.errorString");
        t.set_underlying(runtime_error, ids::STRING);
        let ctx_deadline_error = named_struct(t, "context.deadlineExceededError", &[]);
        let stringified = named_struct(
            t,
            "fmt.stringified",
            &[("s", ids::STRING), ("orig", ids::ANY)],
        );
        let builder = named_struct(t, "strings.Builder", &[("buf", ids::STRING)]);
        let atomic_int64 = named_struct(t, "atomic.Int64", &[("v", ids::INT64)]);
        let atomic_int32 = named_struct(t, "atomic.Int32", &[("v", ids::INT32)]);
        let atomic_bool = named_struct(t, "atomic.Bool", &[("v", ids::BOOL)]);
        let sig_string = t.func(vec![], vec![ids::STRING], false);
        let stringer_iface = t.intern(Kind::Interface(vec![("String".into(), sig_string)]));
        let stringer = t.new_named("fmt.Stringer");
        t.set_underlying(stringer, stringer_iface);
        let sig_unwrap = t.func(vec![], vec![ids::ERROR], false);
        let unwrapper = t.intern(Kind::Interface(vec![("Unwrap".into(), sig_unwrap)]));
        let errors_slice = t.slice(ids::ERROR);
        let sig_unwrap_multi = t.func(vec![], vec![errors_slice], false);
        let multi_unwrapper = t.intern(Kind::Interface(vec![("Unwrap".into(), sig_unwrap_multi)]));
        let sig_len = t.func(vec![], vec![ids::INT], false);
        let sig_less = t.func(vec![ids::INT, ids::INT], vec![ids::BOOL], false);
        let sig_swap = t.func(vec![ids::INT, ids::INT], vec![], false);
        let sort_iface_u = t.intern(Kind::Interface(vec![
            ("Len".into(), sig_len),
            ("Less".into(), sig_less),
            ("Swap".into(), sig_swap),
        ]));
        let sort_iface = t.new_named("sort.Interface");
        t.set_underlying(sort_iface, sort_iface_u);
        let sig_is = t.func(vec![ids::ERROR], vec![ids::BOOL], false);
        let isser = t.intern(Kind::Interface(vec![("Is".into(), sig_is)]));
        let sig_as = t.func(vec![ids::ANY], vec![ids::BOOL], false);
        let aser = t.intern(Kind::Interface(vec![("As".into(), sig_as)]));
        Std {
            duration,
            time,
            month,
            weekday,
            timer,
            ticker,
            mutex,
            rwmutex,
            waitgroup,
            once,
            cond,
            locker,
            context,
            ctx_impl,
            cancel_func,
            cancel_cause_func,
            error_string,
            wrap_error,
            wrap_errors,
            join_error,
            runtime_error,
            ctx_deadline_error,
            stringified,
            builder,
            atomic_int64,
            atomic_int32,
            atomic_bool,
            stringer,
            empty_struct,
            unwrapper,
            multi_unwrapper,
            sort_iface,
            isser,
            aser,
        }
    }
}

/// The run-time constants of a compiled program.
pub(super) fn well_known(c: &mut Compiler) -> WellKnown {
    WellKnown {
        runtime_error: c.std.runtime_error,
        stringified: c.std.stringified,
        sym_error: c.sym("Error"),
        sym_string: c.sym("String"),
        std: c.std.clone(),
        error_string_ptr: c.types.pointer(c.std.error_string),
        wrap_error_ptr: c.types.pointer(c.std.wrap_error),
        wrap_errors_ptr: c.types.pointer(c.std.wrap_errors),
        join_error_ptr: c.types.pointer(c.std.join_error),
        ctx_ptr: c.types.pointer(c.std.ctx_impl),
    }
}
