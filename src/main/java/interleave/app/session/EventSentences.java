package interleave.app.session;

import interleave.app.I18n;
import interleave.trace.Happening;
import interleave.trace.ObjectType;
import interleave.trace.SwitchReason;
import interleave.trace.Trace;
import interleave.trace.TraceAnalyzer;

/** One plain sentence per event, in the UI language: "T1 read balance = 5". */
public final class EventSentences {
    private final I18n i18n;
    private interleave.scenario.Scenario scenario;

    public EventSentences(I18n i18n) {
        this.i18n = i18n;
    }

    /** The scenario whose parameter and action names PARAM and ACTION events refer to by index. */
    public void setScenario(interleave.scenario.Scenario scenario) {
        this.scenario = scenario;
    }

    /** The scenario set by {@link #setScenario}, or null. */
    public interleave.scenario.Scenario scenario() {
        return scenario;
    }

    public String sentence(Trace t, long i) {
        int th = t.thread(i);
        String who = t.thread(th).name();
        Happening h = Happening.decode(t, i);
        int o = h.object();
        String obj = o >= 0 && o < t.objects().size() ? t.object(o).name() : "";
        // a switch over the kind keeps the compiler checking that every kind has its sentence
        return switch (h.kind()) {
            case THREAD_START -> i18n.fmt("event.thread_start", who);
            case THREAD_END -> i18n.fmt("event.thread_end", who);
            case THREAD_KILLED -> i18n.fmt("event.thread_killed", who);
            case SPAWN -> i18n.fmt("event.spawn", who, threadName(t, ((Happening.Spawned) h).child()));
            case READ -> i18n.fmt("event.read", who, obj, String.valueOf(((Happening.Read) h).value()));
            case WRITE -> i18n.fmt("event.write", who, obj, String.valueOf(((Happening.Wrote) h).value()));
            case ACQUIRE -> acquire(t, (Happening.Acquired) h, who, obj);
            case BLOCK -> blocked(t, (Happening.Blocked) h, who, obj);
            case RELEASE -> permits(t, o) ? i18n.fmt("event.release_permit", who, obj,
                    String.valueOf(((Happening.Released) h).level())) : i18n.fmt("event.release", who, obj);
            case TRY_FAIL -> i18n.fmt("event.try_fail", who, obj);
            case TIMEOUT -> i18n.fmt("event.timeout", who, obj);
            case EVENT_SET -> i18n.fmt("event.event_set", who, obj);
            case EVENT_CLEAR -> i18n.fmt("event.event_clear", who, obj);
            case EVENT_WAIT -> i18n.fmt(((Happening.EventWaited) h).alreadySet() ? "event.event_wait_set"
                    : "event.event_wait", who, obj);
            case EVENT_DONE -> i18n.fmt("event.event_done", who, obj);
            case COND_WAIT -> i18n.fmt("event.cond_wait", who, obj);
            case COND_NOTIFY -> i18n.fmt("event.cond_notify_count", who, obj, ((Happening.Notified) h).woken());
            case SLEEP -> i18n.fmt("event.sleep", who,
                    TimeFormat.span(((Happening.Slept) h).duration(), t.header().virtualTime()));
            case YIELD -> i18n.fmt("event.yield", who);
            case JOIN -> i18n.fmt("event.join", who, threadName(t, ((Happening.Joining) h).target()));
            case JOINED -> i18n.fmt("event.joined", who, threadName(t, ((Happening.Joined) h).target()));
            case LOCAL_SET -> i18n.fmt("event.local_set", who, obj, t.string(((Happening.LocalSet) h).text()));
            case LOCAL_GET -> i18n.fmt("event.local_get", who, obj, t.string(((Happening.LocalGot) h).text()));
            case PRINT -> i18n.fmt("event.print", who, t.string(((Happening.Printed) h).text()));
            case LOCAL_DELETE -> i18n.fmt("event.local_delete", who, obj);
            case STDERR -> i18n.fmt("event.stderr", who, t.string(((Happening.WroteStderr) h).text()));
            case ERROR -> i18n.fmt("event.error", who, t.string(((Happening.Raised) h).text()));
            case WAKE -> wake(t, (Happening.Woken) h, who, obj);
            case SWITCH -> switched(t, (Happening.Switched) h, th, who);
            case PARAM -> param(t, ((Happening.ParamChanged) h).param(), ((Happening.ParamChanged) h).value());
            case ACTION -> i18n.fmt("event.action", actionLabel(((Happening.ActionFired) h).action()));
            case DEADLOCK -> deadlocked(t, (Happening.InDeadlock) h, who, obj);
            case STEP -> i18n.fmt("event.step", who);
            case BARRIER_WAIT -> i18n.fmt("event.barrier_wait", who, obj,
                    String.valueOf(((Happening.BarrierArrived) h).arrived()), String.valueOf(t.object(o).initial()));
            case BARRIER_PASS -> i18n.fmt("event.barrier_pass", who, obj,
                    String.valueOf(((Happening.BarrierPassed) h).index()));
            case BARRIER_RESET -> i18n.fmt(((Happening.BarrierReset) h).aborted() ? "event.barrier_abort"
                    : "event.barrier_reset", who, obj);
            case QUEUE_PUT -> i18n.fmt("event.queue_put", who, obj, String.valueOf(((Happening.Put) h).size()));
            case QUEUE_GET -> i18n.fmt("event.queue_get", who, obj, String.valueOf(((Happening.Got) h).size()));
            case TASK_DONE -> i18n.fmt("event.task_done", who, obj, String.valueOf(((Happening.TaskDone) h).left()));
            case QUEUE_JOIN -> i18n.fmt("event.queue_join", who, obj,
                    String.valueOf(((Happening.QueueJoined) h).left()));
            case INPUT_WAIT -> inputAsked(t, (Happening.InputAsked) h, who);
            case INPUT_TYPED -> ((Happening.Typed) h).endOfInput() ? i18n.get("event.input_typed_end")
                    : typedLine("event.input_typed", t.string(((Happening.Typed) h).line()), who);
            case INPUT_READ -> ((Happening.InputRead) h).endOfInput() ? i18n.fmt("event.input_read_end", who)
                    : typedLine("event.input_read", t.string(((Happening.InputRead) h).line()), who);
        };
    }

    /** A line typed or read; an empty one (Enter alone) is named, not shown as nothing. */
    private String typedLine(String key, String line, String who) {
        return i18n.fmt(line.isEmpty() ? key + "_empty" : key, who, line);
    }

    private String inputAsked(Trace t, Happening.InputAsked a, String who) {
        String prompt = t.string(a.prompt()).strip();
        return prompt.isEmpty() ? i18n.fmt("event.input_wait_plain", who) : i18n.fmt("event.input_wait", who, prompt);
    }

    private String acquire(Trace t, Happening.Acquired a, String who, String obj) {
        if (t.object(a.object()).type() == ObjectType.RLOCK) {
            return i18n.fmt("event.acquire_depth", who, obj, String.valueOf(a.level()));
        }
        if (permits(t, a.object())) {
            return i18n.fmt("event.acquire_permit", who, obj, String.valueOf(a.level()));
        }
        return i18n.fmt("event.acquire", who, obj);
    }

    private String blocked(Trace t, Happening.Blocked b, String who, String obj) {
        if (b.holder() >= 0) {
            return i18n.fmt("event.block", who, obj, threadName(t, b.holder()));
        }
        return permits(t, b.object()) ? i18n.fmt("event.block_nobody", who, obj)
                : i18n.fmt("event.block_wait", who, obj);
    }

    private static boolean permits(Trace t, int o) {
        return o >= 0 && t.object(o).type().countsPermits();
    }

    private String wake(Trace t, Happening.Woken w, String who, String obj) {
        if (w.object() < 0 && w.value() <= 0) {
            return i18n.fmt("event.wake_sleep", who);
        }
        if (w.timedOut()) {
            return i18n.fmt("event.wake_timeout", who, obj);
        }
        if (w.object() >= 0 && (t.object(w.object()).type() == ObjectType.LOCK
                || t.object(w.object()).type() == ObjectType.RLOCK)) {
            return i18n.fmt("event.wake_lock", who, obj);
        }
        return i18n.fmt("event.wake", who);
    }

    private String switched(Trace t, Happening.Switched s, int in, String who) {
        if (s.out() == in) {
            return switchToItself(who, s.reason().ordinal());
        }
        if (s.reason() == SwitchReason.PREEMPTED && s.out() >= 0) {
            return i18n.fmt("event.switch_preempted", who, threadName(t, s.out())); // the woken one comes in
        }
        return i18n.fmt("event.switch", who, reason(t, s.out(), s.reason().ordinal()));
    }

    private String actionLabel(int index) {
        return scenario != null && index < scenario.actions().size()
                ? scenario.actionLabel(i18n.locale(), scenario.actions().get(index).name()) : "#" + index;
    }

    private String param(Trace t, int index, int value) {
        if (scenario == null || index >= scenario.params().size()) {
            return i18n.fmt("event.param", "#" + index, String.valueOf(value));
        }
        interleave.scenario.ParamSpec p = scenario.params().get(index);
        String shown = String.valueOf(value);
        if (p instanceof interleave.scenario.ParamSpec.BoolParam) {
            shown = value == 1 ? "on" : "off";
        } else if (p instanceof interleave.scenario.ParamSpec.ChoiceParam c) {
            shown = c.choices().get(value);
        }
        return i18n.fmt("event.param", p.name(), shown);
    }

    /**
     * A switch from a thread to itself (it slept, nobody else was ready, it woke): say what happened,
     * not "LoopThread gets the CPU: LoopThread went to sleep".
     */
    private String switchToItself(String who, int reasonOrdinal) {
        String key = "event.switch_self." + SwitchReason.of(reasonOrdinal).id();
        return i18n.has(key) ? i18n.fmt(key, who) : i18n.fmt("event.switch_self", who);
    }

    public String reason(Trace t, int outThread, int reasonOrdinal) {
        SwitchReason r = SwitchReason.of(reasonOrdinal);
        String out = outThread >= 0 ? threadName(t, outThread) : "";
        return i18n.fmt("reason." + r.id(), out);
    }

    /** "blocked on lock", "waiting for T2 to finish", ... for a thread lane's object code. */
    public String state(Trace t, interleave.trace.ThreadState s, int object) {
        String target;
        if (object <= TraceAnalyzer.JOIN_BASE) {
            return i18n.fmt("state.joining", threadName(t, TraceAnalyzer.JOIN_BASE - object));
        }
        target = object >= 0 ? t.object(object).name() : "";
        return i18n.fmt("state." + s.id(), target);
    }

    private static String threadName(Trace t, int id) {
        return id >= 0 && id < t.threads().size() ? t.thread(id).name() : "?";
    }

    /** "T1 waits for lock forever", or for a join "MainThread waits for T1 to finish, forever". */
    private String deadlocked(Trace t, Happening.InDeadlock d, String who, String obj) {
        if (d.object() >= 0) {
            return i18n.fmt("event.deadlock", who, obj);
        }
        return d.next() >= 0 ? i18n.fmt("event.deadlock_join", who, threadName(t, d.next()))
                : i18n.fmt("event.deadlock", who, "?");
    }
}
