#!/usr/bin/env bash
# Regenerates every screenshot in assets/ under Xvfb, from the app's own launch options.
# Usage: scripts/screenshots.sh [--no-build]     (needs xvfb-run, ImageMagick's import, a JDK and Maven)
#        ONLY='presentation-*' scripts/screenshots.sh --no-build    (only the shots whose file matches)
# Each shot gets its own virtual screen of the size it shows; the script kills only the java it started.
set -u
cd "$(dirname "$0")/.."
JAR=target/interleave.jar
OUT=assets
WAIT=${WAIT:-6}   # seconds after the window appears
if [ "${1:-}" != "--no-build" ]; then
    mvn -B -q -o package -DskipTests || mvn -B -q package -DskipTests || { echo "build failed" >&2; exit 1; }
fi
[ -f "$JAR" ] || { echo "no $JAR: build first" >&2; exit 1; }
command -v xvfb-run >/dev/null || { echo "xvfb-run is missing (apt install xvfb)" >&2; exit 1; }
command -v xwininfo >/dev/null || echo "xwininfo is missing (apt install x11-utils): falling back to a fixed wait" >&2
command -v import >/dev/null || { echo "import is missing (apt install imagemagick)" >&2; exit 1; }
mkdir -p "$OUT"
failed=0

# shot FILE WIDTHxHEIGHT app-options...
shot() {
    local file=$1 geometry=$2
    shift 2
    case "$file" in ${ONLY:-*}) ;; *) return 0 ;; esac
    echo "$file  ($geometry)  $*"
    xvfb-run -a -s "-screen 0 ${geometry}x24" bash -c '
        java -Dprism.order=sw -Dinterleave.recent.file=/tmp/interleave-shot-recent.json -jar "$0" app "${@:3}" >/tmp/interleave-shot.$$.log 2>&1 &
        pid=$!
        # wait for the window (a loaded machine may take a while to start the JVM), then for the run to settle
        if command -v xwininfo >/dev/null; then
            for _ in $(seq 1 90); do
                xwininfo -root -children 2>/dev/null | grep -q "\"Interleave\"" && break
                kill -0 $pid 2>/dev/null || break
                sleep 1
            done
        else
            sleep 15
        fi
        sleep "$2"
        if kill -0 $pid 2>/dev/null; then
            import -window root "$1"
            status=$?
        else
            echo "the app exited early:" >&2; cat /tmp/interleave-shot.$$.log >&2; status=1
        fi
        kill $pid 2>/dev/null; sleep 1; kill -9 $pid 2>/dev/null
        wait $pid 2>/dev/null
        rm -f /tmp/interleave-shot.$$.log
        exit $status' "$JAR" "$OUT/$file" "$WAIT" "$@" || failed=1
}

# the README's shots, at a desktop size
shot balance-lock-off.png 1600x1000 --scenario balance --param lock=off --param iterations=200 --steps 700 --lang en
shot deadlock.png 1600x1000 --scenario deadlock --param variant=philosophers --speed full --play --lang en
shot event-gate.png 1600x1000 --scenario event-gate --speed full --play --lang en
# a classroom projector: 1024x768, normal and presentation mode (F5), English and Chinese
# the first screen, before a run: how to start it, and how to bring one's own program
shot first-screen-1024.png 1024x768 --scenario balance --lang en
shot first-screen-zh-present.png 1024x768 --scenario balance --present --lang zh
shot balance-1024.png 1024x768 --scenario balance --param lock=off --param iterations=200 --steps 700 --lang en
shot rlock-1024.png 1024x768 --scenario rlock-counter --steps 120 --lang en
shot presentation-en.png 1024x768 --scenario balance --param lock=off --param iterations=200 --steps 700 --present --lang en
shot presentation-zh-balance.png 1024x768 --scenario balance --param lock=off --param iterations=200 --steps 700 --present --lang zh
shot presentation-zh.png 1024x768 --scenario gil --steps 300 --present --lang zh
shot presentation-deadlock-zh.png 1024x768 --scenario deadlock --param variant=philosophers --speed full --play --present --lang zh
shot presentation-event-gate-en.png 1024x768 --scenario event-gate --speed full --play --present --lang en
shot presentation-1280x720.png 1280x720 --scenario rlock-counter --steps 120 --present --lang en
# a Python program run as it is (needs python3)
shot python-program-1024.png 1024x768 --open "$PWD/src/test/resources/interleave/programs/balance.py" --steps 300 --lang en
shot python-program-zh.png 1600x1000 --open "$PWD/src/test/resources/interleave/programs/balance.py" --steps 300 --lang zh
# a program saved in GBK, as it declares (read and saved in its encoding); a program's stderr (logging) in the result
shot python-gbk-editor-zh-1024.png 1024x768 --open "$PWD/src/test/resources/interleave/programs/bank_gbk.py" --edit --steps 300 --lang zh
shot python-stderr-1024.png 1024x768 --open "$PWD/src/test/resources/interleave/programs/stderr_logging.py" --speed full --play --lang en
shot python-stderr-presentation-zh.png 1024x768 --open "$PWD/src/test/resources/interleave/programs/stderr_logging.py" --speed full --play --present --lang zh
# the dining philosophers as a teacher writes them: the deadlock names each fork as the code does (forks[0] ...)
shot python-philosophers-1024.png 1024x768 --open "$PWD/src/test/resources/interleave/programs/philosophers.py" --speed full --play --lang en
shot python-philosophers-presentation-zh.png 1024x768 --open "$PWD/src/test/resources/interleave/programs/philosophers.py" --speed full --play --present --lang zh
# a program split over two files: the module's shared values (bank.balance, account.total) on screen
shot python-split-1024.png 1024x768 --open "$PWD/src/test/resources/interleave/programs/split/split_bank.py" --speed full --play --lang en
# a program's uncaught exceptions: the result pane shows each traceback compactly (the program's frames)
shot python-traceback-1024.png 1024x768 --open "$PWD/src/test/resources/interleave/programs/crash.py" --speed full --play --lang en
shot python-traceback-presentation-zh.png 1024x768 --open "$PWD/src/test/resources/interleave/programs/library_errors.py" --speed full --play --present --lang zh
shot python-stderr-1600.png 1600x1000 --open "$PWD/src/test/resources/interleave/programs/stderr_logging.py" --speed full --play --lang en
# os mode: CPython runs the threads itself, and rarely switches inside balance = balance + n: the note says so
# a program that never ends, at full speed for more than 20 s: the window says it may never end and how to stop it
WAIT=26 shot python-runaway-1024.png 1024x768 --open "$PWD/src/test/resources/interleave/programs/runaway.py" --play --speed full --lang en
WAIT=26 shot python-runaway-present-zh.png 1024x768 --open "$PWD/src/test/resources/interleave/programs/runaway.py" --play --speed full --present --lang zh
# the tutorial's race with CPython's thread names ("Thread-1 (run_thread)"): both threads' badges on the line that
# races, which stays whole at every width
shot python-race-1600.png 1600x1000 --open "$PWD/src/test/resources/interleave/tutorials/balance_race.py" --steps 3000 --lang en
shot python-race-present-zh-1600.png 1600x1000 --open "$PWD/src/test/resources/interleave/tutorials/balance_race.py" --steps 3000 --present --lang zh
shot python-race-1024.png 1024x768 --open "$PWD/src/test/resources/interleave/tutorials/balance_race.py" --steps 3000 --lang en
shot python-os-1024.png 1024x768 --open "$PWD/src/test/resources/interleave/tutorials/balance_race.py" --mode os --play --speed full --lang en
shot python-os-zh.png 1600x1000 --open "$PWD/src/test/resources/interleave/tutorials/balance_race.py" --mode os --play --speed full --lang zh
# the program editor (Edit in the code pane), a syntax error marked on its line, the Program input box
shot python-editor-1024.png 1024x768 --open "$PWD/src/test/resources/interleave/programs/balance.py" --edit --lang en
shot python-editor-present-zh.png 1024x768 --open "$PWD/src/test/resources/interleave/programs/balance.py" --edit --present --lang zh
typo_dir=$(mktemp -d)
sed 's/^def change_it(n):/def change_it(n)/' src/test/resources/interleave/programs/balance.py > "$typo_dir/balance.py"
shot python-editor-error.png 1600x1000 --open "$typo_dir/balance.py" --lang en
shot python-editor-error-zh-1024.png 1024x768 --open "$typo_dir/balance.py" --present --lang zh
rm -rf "$typo_dir"
# the tutorials' own programs, as pasted (Python 2 converted; the printed lines in the result panel)
# these three (the RLock counter and the Event gate are Python 2) on a Python without lib2to3 where pyenv has one
# (3.13+: Interleave's own converter)
if command -v pyenv >/dev/null && pyenv versions --bare 2>/dev/null | grep -q '^3\.1[3-9]'; then
    export PYENV_VERSION=$(pyenv versions --bare | grep '^3\.1[3-9]' | tail -1)
fi
shot python-tutorial-rlock-1024.png 1024x768 --open "$PWD/src/test/resources/interleave/tutorials/rlock_counter.py" --steps 120 --lang en
shot python-tutorial-local-1024.png 1024x768 --open "$PWD/src/test/resources/interleave/tutorials/thread_local.py" --steps 100 --lang en
shot python-tutorial-gate-zh.png 1024x768 --open "$PWD/src/test/resources/interleave/tutorials/event_gate.py" --input true --steps 300 --present --lang zh
# the tutorial's MyThread (fib, fac, sum): each thread's result under its name, and its ctime() dates explained
shot python-tutorial-mythread-zh.png 1024x768 --open "$PWD/src/test/resources/interleave/tutorials/mythread_fib_fac_sum.py" --play --speed full --present --lang zh
unset PYENV_VERSION
shot python-tutorial-gevent-1024.png 1024x768 --open "$PWD/src/test/resources/interleave/tutorials/gevent_switch.py" --play --speed full --lang en
shot python-tutorial-greenlet-1600.png 1600x1000 --open "$PWD/src/test/resources/interleave/tutorials/greenlet_switch.py" --play --speed full --lang en
# processes (each its own copy of the memory), a pool of worker processes, a socket server with its clients
shot python-processes-1024.png 1024x768 --open "$PWD/src/main/resources/interleave/scenario/python/processes.py" --play --speed full --lang en
shot python-tutorial-pool-zh.png 1024x768 --open "$PWD/src/test/resources/interleave/tutorials/pool_callback.py" --play --speed full --present --lang zh
shot python-socketserver-1600.png 1600x1000 --open "$PWD/src/main/resources/interleave/scenario/python/thread-per-client.py" --play --speed full --lang en
shot python-input.png 1600x1000 --open "$PWD/src/test/resources/interleave/programs/gate_input.py" --input no --input true --steps 200 --lang en
# input() asks in the keyboard bar (the tutorial's Event gate, nothing answered ahead)
shot python-keyboard-1024.png 1024x768 --open "$PWD/src/test/resources/interleave/tutorials/event_gate.py" --steps 300 --lang en
shot python-keyboard-zh.png 1024x768 --open "$PWD/src/test/resources/interleave/tutorials/event_gate.py" --steps 300 --present --lang zh
shot python-keyboard-1600.png 1600x1000 --open "$PWD/src/test/resources/interleave/tutorials/event_gate.py" --steps 300 --present --lang en
exit $failed
