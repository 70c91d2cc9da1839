//! The virtual network (runtime/network.rs), one behaviour per test: reads block until written,
//! latency and deadlines on the virtual clock, close semantics, `IO wait` in events, leak
//! verdicts and the connection counts of snapshots. Conn ids: a dial makes the client end
//! (even) and the server end (the next id).

mod runtime_support;

use lessons::runtime::Link;
use lessons::runtime::{
    ConnCounts, ConnId, EventKind, GState, Gid, LeakVerdict, ListenerId, ObjId, Ref, Timeline,
};
use runtime_support::{S, run_net, run_net_links};

const MS: i64 = 1_000_000;

fn s(v: &[&str]) -> Vec<String> {
    v.iter().map(|x| x.to_string()).collect()
}

/// A client goroutine (g2) that dials port 40000 and runs `then`.
fn client(then: Vec<S>) -> S {
    let mut ops = vec![S::NetDial("127.0.0.1:40000")];
    ops.extend(then);
    S::Go("main.client", 5, ops)
}

/// main: listen on 127.0.0.1:0 (port 40000), start `client`, accept (conn 1), then `then`.
fn server(cl: Vec<S>, then: Vec<S>) -> Vec<S> {
    let mut ops = vec![S::NetListen("127.0.0.1:0"), client(cl), S::NetAccept(0)];
    ops.extend(then);
    ops
}

#[test]
fn a_read_blocks_until_the_peer_writes() {
    let (_, r, log) = run_net(
        0,
        server(
            vec![S::Sleep(50), S::NetWrite(0, "hi")],
            vec![S::NetRead(1, 10)],
        ),
    );
    assert_eq!(r.virtual_time_ns, 50);
    assert_eq!(
        log,
        s(&[
            "t=0 g1 listen 0 127.0.0.1:40000",
            "t=0 g2 dial 0",
            "t=0 g1 accepted 1",
            "t=50 g2 woke",
            "t=50 g1 read hi",
        ])
    );
}

#[test]
fn a_blocked_read_is_in_io_wait_on_its_conn() {
    let (mut rt, _, _) = run_net(
        0,
        server(
            vec![S::Sleep(50), S::NetWrite(0, "hi")],
            vec![S::NetRead(1, 10)],
        ),
    );
    let blocks: Vec<(Gid, GState, Option<ObjId>)> = rt
        .take_events()
        .into_iter()
        .filter_map(|e| match e.kind {
            EventKind::Block { state, on, .. } if state == GState::IoWait => {
                Some((e.gid, state, on))
            }
            _ => None,
        })
        .collect();
    assert_eq!(
        blocks,
        vec![
            (Gid(1), GState::IoWait, Some(ObjId::Listener(ListenerId(0)))),
            (Gid(1), GState::IoWait, Some(ObjId::Conn(ConnId(1)))),
        ]
    );
    assert_eq!(GState::IoWait.as_str(), "IO wait");
}

#[test]
fn bytes_arrive_after_the_latency() {
    let (_, _, log) = run_net(
        5 * MS,
        server(
            vec![S::Sleep(50), S::NetWrite(0, "hi")],
            vec![S::NetRead(1, 10)],
        ),
    );
    assert_eq!(log.last().map(String::as_str), Some("t=5000050 g1 read hi"));
}

#[test]
fn a_read_returns_at_most_what_was_asked_and_keeps_the_rest() {
    let (_, _, log) = run_net(
        0,
        server(
            vec![S::NetWrite(0, "hello")],
            vec![S::NetRead(1, 2), S::NetRead(1, 10)],
        ),
    );
    assert_eq!(log[3..], s(&["t=0 g1 read he", "t=0 g1 read llo"]));
}

#[test]
fn a_read_deadline_expires_at_the_exact_virtual_time() {
    let (_, _, log) = run_net(
        0,
        server(
            vec![S::Sleep(100), S::NetWrite(0, "late")],
            vec![S::NetReadDeadline(1, Some(30)), S::NetRead(1, 10)],
        ),
    );
    assert_eq!(log.last().map(String::as_str), Some("t=30 g1 timeout"));
}

#[test]
fn a_deadline_before_the_bytes_arrive_wins_then_clearing_it_reads_them() {
    let (_, _, log) = run_net(
        100,
        server(
            vec![S::NetWrite(0, "x"), S::Sleep(500)],
            vec![
                S::NetReadDeadline(1, Some(40)),
                S::NetRead(1, 10),
                S::NetReadDeadline(1, None),
                S::NetRead(1, 10),
            ],
        ),
    );
    assert_eq!(log[3..], s(&["t=40 g1 timeout", "t=100 g1 read x"]));
}

#[test]
fn a_read_past_its_deadline_times_out_even_with_bytes_waiting() {
    let (_, _, log) = run_net(
        0,
        server(
            vec![S::NetWrite(0, "x")],
            vec![
                S::Sleep(10),
                S::NetReadDeadline(1, Some(5)),
                S::NetRead(1, 10),
            ],
        ),
    );
    assert_eq!(log.last().map(String::as_str), Some("t=10 g1 timeout"));
}

#[test]
fn moving_the_deadline_of_a_parked_reader_moves_its_wake_up() {
    // g2 sets the deadline of the conn main reads from while main is parked.
    let (_, _, log) = run_net(
        0,
        server(
            vec![S::Sleep(10), S::NetReadDeadline(1, Some(70)), S::Sleep(100)],
            vec![S::NetReadDeadline(1, Some(20)), S::NetRead(1, 10)],
        ),
    );
    assert_eq!(log.last().map(String::as_str), Some("t=70 g1 timeout"));
}

#[test]
fn a_write_past_its_write_deadline_times_out() {
    let (_, _, log) = run_net(
        0,
        server(
            vec![S::Sleep(100)],
            vec![S::NetWriteDeadline(1, Some(0)), S::NetWrite(1, "x")],
        ),
    );
    assert_eq!(log.last().map(String::as_str), Some("t=0 g1 write timeout"));
}

#[test]
fn closing_a_conn_wakes_its_blocked_reader_with_the_closed_error() {
    let (_, _, log) = run_net(
        0,
        server(vec![S::Sleep(20), S::NetClose(1)], vec![S::NetRead(1, 10)]),
    );
    assert_eq!(log.last().map(String::as_str), Some("t=20 g1 closed"));
}

#[test]
fn the_peer_reads_what_was_sent_then_eof_after_the_latency() {
    let (_, _, log) = run_net(
        10,
        server(
            vec![S::NetWrite(0, "ab"), S::NetClose(0)],
            vec![S::NetRead(1, 1), S::NetRead(1, 1), S::NetRead(1, 1)],
        ),
    );
    assert_eq!(
        log[3..],
        s(&["t=10 g1 read a", "t=10 g1 read b", "t=10 g1 eof"])
    );
}

#[test]
fn operations_on_a_closed_conn_fail_and_a_second_close_too() {
    let (_, _, log) = run_net(
        0,
        server(
            vec![S::Sleep(100)],
            vec![
                S::NetClose(1),
                S::NetRead(1, 10),
                S::NetWrite(1, "x"),
                S::NetClose(1),
            ],
        ),
    );
    assert_eq!(
        log[3..],
        s(&[
            "t=0 g1 closed",
            "t=0 g1 write closed",
            "t=0 g1 close closed"
        ])
    );
}

#[test]
fn accept_blocks_until_a_dial_and_fails_once_the_listener_closes() {
    let (_, _, log) = run_net(
        0,
        vec![
            S::NetListen(":8080"),
            S::Go(
                "main.client",
                5,
                vec![
                    S::Sleep(10),
                    S::NetDial("localhost:8080"),
                    S::Sleep(10),
                    S::NetCloseListener(0),
                ],
            ),
            S::NetAccept(0),
            S::NetAccept(0),
        ],
    );
    assert_eq!(
        log,
        s(&[
            "t=0 g1 listen 0 [::]:8080",
            "t=10 g2 woke",
            "t=10 g2 dial 0",
            "t=10 g1 accepted 1",
            "t=20 g2 woke",
            "t=20 g1 accept closed",
        ])
    );
}

#[test]
fn dials_to_nothing_are_refused_and_other_hosts_are_named() {
    let (_, _, log) = run_net(
        0,
        vec![
            S::NetListen(":8080"),
            S::NetListen("127.0.0.1:8080"),
            S::NetDial("127.0.0.1:9"),
            S::NetDial("example.com:80"),
        ],
    );
    assert_eq!(
        log,
        s(&[
            "t=0 g1 listen 0 [::]:8080",
            "t=0 g1 listen error bind: address already in use",
            "t=0 g1 dial Refused",
            "t=0 g1 dial NoHost(\"example.com\")",
        ])
    );
}

/// Every live goroutine's id, state and verdict at the end of the run.
fn verdicts(main: Vec<S>) -> Vec<(u32, String, Option<LeakVerdict>)> {
    let (rt, _, _) = run_net(0, main);
    let reach = rt.reachability();
    rt.goroutine_stacks(Some(&reach))
        .into_iter()
        .map(|g| (g.gid, g.state.clone(), g.leak))
        .collect()
}

#[test]
fn a_reader_whose_peer_nobody_holds_is_leaked_for_certain() {
    // main accepts and returns, dropping the server end: the client's read can never end.
    let v = verdicts(server(vec![S::NetRead(0, 10)], vec![]));
    assert_eq!(v, vec![(2, "IO wait".into(), Some(LeakVerdict::Certain))]);
}

#[test]
fn a_reader_whose_peer_a_sleeper_holds_may_still_wake() {
    let v = verdicts(server(
        vec![S::NetRead(0, 10)],
        vec![S::Go(
            "main.holder",
            9,
            vec![S::Hold(Ref::Conn(ConnId(1))), S::Sleep(1000)],
        )],
    ));
    assert_eq!(
        v,
        vec![
            (2, "IO wait".into(), Some(LeakVerdict::Waiting)),
            (3, "sleep".into(), Some(LeakVerdict::Waiting)),
        ]
    );
}

#[test]
fn a_reader_with_a_pending_deadline_may_still_wake() {
    let v = verdicts(server(
        vec![S::NetReadDeadline(0, Some(1000)), S::NetRead(0, 10)],
        vec![],
    ));
    assert_eq!(v, vec![(2, "IO wait".into(), Some(LeakVerdict::Waiting))]);
}

#[test]
fn an_accept_nobody_can_dial_any_more_is_leaked_for_certain() {
    let v = verdicts(vec![
        S::NetListen(":8080"),
        S::Go("main.serve", 5, vec![S::NetAccept(0)]),
    ]);
    assert_eq!(v, vec![(2, "IO wait".into(), Some(LeakVerdict::Certain))]);
}

#[test]
fn snapshots_count_connections_per_side_and_state() {
    let (mut rt, _, _) = run_net(
        0,
        server(
            vec![S::NetIdle(0, true), S::NetDial("127.0.0.1:40000")],
            vec![S::NetClose(1)],
        ),
    );
    let net = Timeline::from_events(rt.take_events()).last().net;
    assert_eq!(
        net.client,
        ConnCounts {
            open: 2,
            active: 1,
            idle: 1,
            closed: 0
        }
    );
    assert_eq!(
        net.server,
        ConnCounts {
            open: 1,
            active: 1,
            idle: 0,
            closed: 1
        }
    );
}

/// A listener with a 10ms round trip (and `bytes_per_sec`, 0: no limit); the client dials,
/// waits for the handshake, then runs `then`; main accepts and runs `srv`.
fn linked(bytes_per_sec: u64, then: Vec<S>, srv: Vec<S>) -> Vec<String> {
    let mut cl = vec![S::NetConnect(0)];
    cl.extend(then);
    let link = Link {
        rtt_ns: 10 * MS,
        bytes_per_sec,
    };
    run_net_links(0, &[link], server(cl, srv)).2
}

#[test]
fn a_dial_on_a_linked_listener_takes_one_round_trip_and_accept_sees_it_half_a_trip_later() {
    let log = linked(0, vec![], vec![]);
    assert_eq!(
        log,
        s(&[
            "t=0 g1 listen 0 127.0.0.1:40000",
            "t=0 g2 dial 0",
            "t=10000000 g2 connected 0",
            "t=15000000 g1 accepted 1",
        ])
    );
}

#[test]
fn a_request_and_its_response_cost_one_round_trip_on_a_link() {
    // The client writes as soon as it is connected (t=10ms): the server reads at 15ms and
    // answers at once; the answer reaches the client at 20ms.
    let log = linked(
        0,
        vec![S::NetWrite(0, "ping"), S::NetRead(0, 10)],
        vec![S::NetRead(1, 10), S::NetWrite(1, "pong"), S::Sleep(50 * MS)],
    );
    assert_eq!(
        log[3..],
        s(&[
            "t=15000000 g1 accepted 1",
            "t=15000000 g1 read ping",
            "t=20000000 g2 read pong",
            "t=65000000 g1 woke",
        ])
    );
}

#[test]
fn a_links_bandwidth_charges_each_write_after_the_one_before() {
    // 1000 bytes a second: each 4-byte write takes 4ms on the wire, the second starts when the
    // first is sent (10ms + 4ms + 4ms), then half a round trip: 23ms.
    let log = linked(
        1000,
        vec![
            S::NetWrite(0, "abcd"),
            S::NetWrite(0, "efgh"),
            S::Sleep(50 * MS),
        ],
        vec![S::NetRead(1, 4), S::NetRead(1, 4)],
    );
    assert_eq!(
        log[3..],
        s(&[
            "t=15000000 g1 accepted 1",
            "t=19000000 g1 read abcd",
            "t=23000000 g1 read efgh",
        ])
    );
}

#[test]
fn listeners_beyond_the_links_given_keep_the_plain_latency() {
    let link = Link {
        rtt_ns: 10 * MS,
        bytes_per_sec: 0,
    };
    let (_, _, log) = run_net_links(
        0,
        &[link],
        vec![
            S::NetListen("127.0.0.1:0"),
            S::NetListen("127.0.0.1:0"),
            S::Go(
                "main.client",
                5,
                vec![S::NetDial("127.0.0.1:40001"), S::NetConnect(0)],
            ),
            S::NetAccept(1),
        ],
    );
    assert_eq!(
        log[2..],
        s(&["t=0 g2 dial 0", "t=0 g2 connected 0", "t=0 g1 accepted 1"])
    );
}

/// After main returns, what is on its way arrives at once, as a loopback close reaches its
/// peer in microseconds (real Go's settled goroutines, tests/oracle/net/run-lessons), but no
/// timer fires: the reader reads the byte and EOF and ends; the sleeper stays, still asleep.
#[test]
fn after_main_returns_what_is_in_flight_arrives_but_timers_do_not_fire() {
    let (_, r, log) = run_net(
        10 * MS,
        vec![
            S::NetListen("127.0.0.1:0"),
            client(vec![S::NetRead(0, 10), S::NetRead(0, 10)]),
            S::Go("main.sleeper", 9, vec![S::Sleep(MS)]),
            S::NetAccept(0),
            S::NetWrite(1, "x"),
            S::NetClose(1),
        ],
    );
    assert_eq!(r.virtual_time_ns, 0);
    assert_eq!(log[log.len() - 2..], s(&["t=0 g2 read x", "t=0 g2 eof"]));
    let left: Vec<(u32, &str)> = r
        .goroutines
        .iter()
        .map(|g| (g.gid, g.state.as_str()))
        .collect();
    assert_eq!(left, [(3, "sleep")]);
}
