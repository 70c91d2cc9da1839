#!/usr/bin/env python3
"""Unit tests of run-one's text handling (no Go needed): python3 tests/oracle/harness/test_run_one.py"""

import importlib.machinery
import importlib.util
import subprocess
import tempfile
import unittest
from pathlib import Path

HERE = Path(__file__).resolve().parent
_loader = importlib.machinery.SourceFileLoader("run_one", str(HERE.parent / "run-one"))
_spec = importlib.util.spec_from_loader("run_one", _loader)
run_one = importlib.util.module_from_spec(_spec)
_loader.exec_module(run_one)

PROG = "/tmp/oracle-x/prog.go"

DUMP = f"""goroutine 9 [running, synctest bubble 1]:
main.TestOracle.func2()
\t/tmp/oracle-x/oracle_harness_test.go:160 +0x85

goroutine 1 [chan receive]:
testing.(*T).Run(0x1, {{0x2, 0x3}}, 0x4)
\t/go/src/testing/testing.go:2268 +0x4f2

goroutine 8 [chan receive (durable), synctest bubble 1]:
testing/synctest.testingSynctestTest(0x1, 0x2)
\t/go/src/testing/testing.go:2310 +0x293

goroutine 25 [chan send (durable), synctest bubble 1]:
main.worker(...)
\t{PROG}:15 +0x1b
main.oracleMain.func1()
\t{PROG}:30 +0x1b
created by main.oracleMain in goroutine 24
\t{PROG}:29 +0x85

goroutine 26 [chan send (durable), synctest bubble 1]:
main.worker(...)
\t{PROG}:15 +0x1b
created by main.oracleMain in goroutine 24
\t{PROG}:29 +0x85

goroutine 28 [chan receive (nil chan) (durable), synctest bubble 1]:
main.oracleMain.func2()
\t{PROG}:7
created by main.oracleMain in goroutine 24
\t{PROG}:17 +0xeb

goroutine 31 [sync.WaitGroup.Wait (durable), synctest bubble 1, 2 minutes]:
sync.runtime_SemacquireWaitGroup(0x0?, 0x0?)
\t/go/src/runtime/sema.go:114 +0x2e
sync.(*WaitGroup).Wait(0x3c9f42b180a0)
\t/go/src/sync/waitgroup.go:206 +0x85
created by main.oracleMain in goroutine 24
\t{PROG}:20 +0x14b

goroutine 32 [sync.Mutex.Lock, synctest bubble 1]:
internal/sync.runtime_SemacquireMutex(0x0?, 0x0?, 0x0?)
\t/go/src/runtime/sema.go:95 +0x25
main.oracleMain.func6()
\t{PROG}:22 +0x2c
created by main.oracleMain in goroutine 24
\t{PROG}:22 +0x1b6
"""


class Rewriting(unittest.TestCase):
    def test_rename_main_keeps_every_line(self):
        src = "package main\n\nfunc main() {\n\tprintln()\n}\n"
        out = run_one.rename_main(src)
        self.assertEqual(out, "package main\n\nfunc oracleMain() {\n\tprintln()\n}\n")

    def test_rename_main_rejects_a_file_without_main(self):
        with self.assertRaises(run_one.UsageError):
            run_one.rename_main("package main\n\nfunc helper() {}\n")

    def test_set_rewrites_only_the_literal(self):
        src = 'const n = 5 // param: 1..100 "Requests"\nconst m = 5\n'
        out = run_one.apply_sets(src, [("n", "42")])
        self.assertEqual(out, 'const n = 42 // param: 1..100 "Requests"\nconst m = 5\n')

    def test_set_rewrites_an_entry_of_a_const_block(self):
        src = 'const (\n\tworkers = 3 // param: 1..8 "Workers"\n)\n'
        out = run_one.apply_sets(src, [("workers", "8")])
        self.assertEqual(out, 'const (\n\tworkers = 8 // param: 1..8 "Workers"\n)\n')

    def test_set_rejects_a_value_out_of_range(self):
        with self.assertRaisesRegex(run_one.UsageError, "out of range 1..100"):
            run_one.apply_sets('const n = 5 // param: 1..100 "R"\n', [("n", "101")])

    def test_set_rejects_an_unmarked_constant(self):
        with self.assertRaisesRegex(run_one.UsageError, "no `const m = N"):
            run_one.apply_sets("const m = 5\n", [("m", "6")])

    def test_go_literals_get_the_panic_clock_on_the_same_line(self):
        src = "\tgo func() { ch <- 1 }()\n\tgo func(x int) {\n\t\tuse(x)\n\t}(3)\n\tgo worker()\n"
        out = run_one.instrument_go_literals(src)
        self.assertEqual(
            out,
            "\tgo func() { defer oracleGoExit(); ch <- 1 }()\n"
            "\tgo func(x int) { defer oracleGoExit();\n\t\tuse(x)\n\t}(3)\n\tgo worker()\n",
        )


DURABLE_DUMP = f"""goroutine 40 [chan send (durable), synctest bubble 1]:
oracleprog.(*oracleMutex).Lock(...)
\t/tmp/oracle-x/oracle_harness_test.go:230
oracleprog.(*oracleRWMutex).Lock(0x1)
\t/tmp/oracle-x/oracle_harness_test.go:300 +0x1b
oracleprog.oracleMain.func1()
\t{PROG}:23 +0x1b

goroutine 41 [chan receive (durable), synctest bubble 1]:
oracleprog.(*oracleRWMutex).Lock(0x1)
\t/tmp/oracle-x/oracle_harness_test.go:310 +0x1b
oracleprog.oracleMain.func2()
\t{PROG}:15 +0x1b

goroutine 42 [chan receive (durable), synctest bubble 1]:
oracleprog.(*oracleRWMutex).RLock(0x1)
\t/tmp/oracle-x/oracle_harness_test.go:270 +0x1b
oracleprog.oracleMain.func3()
\t{PROG}:21 +0x1b

goroutine 43 [chan receive (durable), synctest bubble 1]:
oracleprog.oracleMain.func4()
\t{PROG}:30 +0x1b
"""


class DurableMutexes(unittest.TestCase):
    def test_sync_types_are_swapped_on_the_same_lines(self):
        src = "import \"sync\"\n\nvar mu sync.Mutex\nvar rw sync.RWMutex\nvar wg sync.WaitGroup\n"
        out = run_one.durable_mutexes(src)
        self.assertEqual(out.split("\n")[:5],
                         ["import \"sync\"", "", "var mu oracleMutex", "var rw oracleRWMutex",
                          "var wg sync.WaitGroup"])
        self.assertTrue(out.endswith("var _ sync.Locker // keeps the sync import used\n"))

    def test_a_program_without_mutexes_is_unchanged(self):
        src = "var wg sync.WaitGroup\n"
        self.assertEqual(run_one.durable_mutexes(src), src)

    def test_parked_goroutines_get_the_state_of_the_real_lock(self):
        states = {g["id"]: g["state"] for g in run_one.parse_goroutines(DURABLE_DUMP)}
        self.assertEqual(states, {40: "sync.Mutex.Lock", 41: "sync.RWMutex.Lock",
                                  42: "sync.RWMutex.RLock", 43: "chan receive"})


class StackDumps(unittest.TestCase):
    def test_states_lose_the_durable_and_bubble_suffixes(self):
        gs = run_one.parse_goroutines(DUMP)
        states = {g["id"]: g["state"] for g in gs}
        self.assertEqual(states[25], "chan send")
        self.assertEqual(states[28], "chan receive (nil chan)")
        self.assertEqual(states[31], "sync.WaitGroup.Wait")
        self.assertEqual(states[32], "sync.Mutex.Lock")
        self.assertFalse(next(g for g in gs if g["id"] == 1)["bubble"])

    def test_leaks_group_by_state_and_innermost_program_line(self):
        leaks = run_one.group_leaks(run_one.parse_goroutines(DUMP), PROG, skip={24})
        self.assertEqual(
            leaks,
            [
                {"state": "chan receive (nil chan)", "line": 7, "count": 1},
                {"state": "chan send", "line": 15, "count": 2},
                {"state": "sync.WaitGroup.Wait", "line": 20, "count": 1},
                {"state": "sync.Mutex.Lock", "line": 22, "count": 1},
            ],
        )

    def test_the_skipped_goroutine_is_not_a_leak(self):
        leaks = run_one.group_leaks(run_one.parse_goroutines(DUMP), PROG, skip={25, 26})
        self.assertNotIn("chan send", [g["state"] for g in leaks])


class Crashes(unittest.TestCase):
    def crash(self, stderr: str, files: dict[str, str], main_gid: int) -> dict:
        with tempfile.TemporaryDirectory() as d:
            for name, text in files.items():
                (Path(d) / name).write_text(text)
            proc = subprocess.CompletedProcess([], 2, "", stderr)
            return run_one.crash_record(proc, "out\n", PROG, main_gid, Path(d))

    def test_a_repanicked_goroutine_panic_gets_its_time_and_plain_message(self):
        stderr = (
            "panic: send on closed channel [recovered, repanicked]\n\n"
            "goroutine 26 [running, synctest bubble 1]:\nmain.oracleMain.func1()\n"
            f"\t{PROG}:12 +0x39\n\ngoroutine 24 [sleep (durable), synctest bubble 1]:\n"
            f"main.oracleMain()\n\t{PROG}:17 +0x106\n"
        )
        rec = self.crash(stderr, {"panic_time_26.txt": "10000000"}, main_gid=24)
        self.assertEqual(rec["outcome"], "panic")
        self.assertEqual(rec["panic"], "send on closed channel")
        self.assertEqual(rec["virtual_time_ns"], 10000000)
        self.assertEqual(rec["leaked"], [{"state": "sleep", "line": 17, "count": 1}])

    def test_a_fatal_error_has_no_time(self):
        stderr = (
            "fatal error: sync: unlock of unlocked mutex\n\n"
            "goroutine 24 [running, synctest bubble 1]:\nmain.oracleMain()\n"
            f"\t{PROG}:16 +0x11f\n"
        )
        rec = self.crash(stderr, {}, main_gid=24)
        self.assertEqual(
            (rec["outcome"], rec["panic"], rec["virtual_time_ns"]),
            ("fatal", "sync: unlock of unlocked mutex", None),
        )

    def test_a_nil_dereference_keeps_only_the_first_line(self):
        stderr = (
            "panic: runtime error: invalid memory address or nil pointer dereference\n"
            "[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x4a1]\n\n"
            "goroutine 24 [running, synctest bubble 1]:\nmain.oracleMain()\n"
            f"\t{PROG}:20 +0x11f\n"
        )
        rec = self.crash(stderr, {"main_panic_time.txt": "0"}, main_gid=24)
        self.assertEqual(rec["panic"], "runtime error: invalid memory address or nil pointer dereference")
        self.assertEqual(rec["virtual_time_ns"], 0)

    def test_what_the_program_wrote_to_stderr_before_a_panic_is_kept(self):
        stderr = (
            "to stderr\n1 2\n"
            "panic: boom\n\ngoroutine 24 [running, synctest bubble 1]:\nmain.oracleMain()\n"
            f"\t{PROG}:20 +0x11f\n"
        )
        rec = self.crash(stderr, {"main_panic_time.txt": "0"}, main_gid=24)
        self.assertEqual((rec["panic"], rec["stderr"]), ("boom", "to stderr\n1 2\n"))

    def test_an_exit_without_a_result_or_a_panic_is_os_exit(self):
        with tempfile.TemporaryDirectory() as d:
            proc = subprocess.CompletedProcess([], 3, "", "bye\n")
            rec = run_one.crash_record(proc, "out\n", PROG, 24, Path(d))
        self.assertEqual(
            (rec["outcome"], rec["exit_code"], rec["stderr"], rec["virtual_time_ns"]),
            ("exit", 3, "bye\n", None),
        )


LEAK_DUMP = f"""goroutine 5 [running]:
runtime/pprof.writeGoroutineStacks({{0x6d8d08, 0xa98117e2040}})
\t/go/src/runtime/pprof/pprof.go:816 +0x69
oracleprog.TestOracleLeak(0x1)
\t/tmp/oracle-x/oracle_harness_test.go:200 +0xab

goroutine 6 [chan send (leaked)]:
oracleprog.fetchProfile.func1()
\t{PROG}:27 +0x1e
created by oracleprog.fetchProfile in goroutine 5
\t{PROG}:26 +0x67

goroutine 7 [sync.WaitGroup.Wait (leaked), 2 minutes]:
sync.runtime_SemacquireWaitGroup(0x0?, 0x0?)
\t/go/src/runtime/sema.go:114 +0x2e
sync.(*WaitGroup).Wait(0x1)
\t/go/src/sync/waitgroup.go:206 +0x85
oracleprog.oracleMain.func2(...)
\t{PROG}:11
created by oracleprog.oracleMain in goroutine 5
\t{PROG}:19 +0x67

goroutine 8 [chan receive]:
oracleprog.oracleMain.func1()
\t{PROG}:16 +0x1e
created by oracleprog.oracleMain in goroutine 5
\t{PROG}:15 +0x67
"""


class LeakProfile(unittest.TestCase):
    def test_a_dump_keeps_functions_and_program_lines_without_addresses(self):
        gs = {g["id"]: g for g in run_one.parse_dump(LEAK_DUMP, PROG, "bad.go")}
        self.assertEqual(
            (gs[6]["state"], gs[6]["leaked"], gs[6]["frames"], gs[6]["created_by"]),
            ("chan send", True, ["main.fetchProfile.func1 bad.go:27"], "main.fetchProfile bad.go:26"),
        )
        self.assertEqual(
            gs[7]["frames"],
            ["sync.runtime_SemacquireWaitGroup", "sync.(*WaitGroup).Wait", "main.main.func2 bad.go:11"],
        )
        self.assertEqual(gs[7]["state"], "sync.WaitGroup.Wait")
        self.assertFalse(gs[8]["leaked"])
        self.assertEqual(gs[5]["frames"], ["runtime/pprof.writeGoroutineStacks"])

    def test_the_profile_counts_leaked_goroutines_by_state_and_line(self):
        with tempfile.TemporaryDirectory() as d:
            out = Path(d)
            (out / "leak_result.txt").write_text("ok\n")
            (out / "leak1.txt").write_text("goroutineleak profile: total 2\n")
            (out / "leak2.txt").write_text(LEAK_DUMP)
            rec = run_one.leak_profile(out, PROG, "bad.go")
        self.assertEqual(rec["goroutineleak"], {"total": 2, "leaked": [
            {"state": "sync.WaitGroup.Wait", "line": 11, "count": 1},
            {"state": "chan send", "line": 27, "count": 1}]})
        self.assertEqual(rec["goroutineleak_dump"][0], {
            "state": "chan send", "count": 1, "frames": ["main.fetchProfile.func1 bad.go:27"],
            "created_by": "main.fetchProfile bad.go:26"})

    def test_no_profile_when_the_leak_run_timed_out(self):
        with tempfile.TemporaryDirectory() as d:
            (Path(d) / "leak_result.txt").write_text("timeout\n")
            self.assertIsNone(run_one.leak_profile(Path(d), PROG, "bad.go"))


if __name__ == "__main__":
    unittest.main()
