package interleave.app.session;

import interleave.app.I18n;
import interleave.trace.EventKind;
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
        int o = t.object(i);
        int v = t.value(i);
        String obj = o >= 0 && o < t.objects().size() ? t.object(o).name() : "";
        EventKind k = t.kind(i);
        return switch (k) {
            case THREAD_START -> i18n.fmt("event.thread_start", who);
            case THREAD_END -> i18n.fmt("event.thread_end", who);
            case THREAD_KILLED -> i18n.fmt("event.thread_killed", who);
            case SPAWN -> i18n.fmt("event.spawn", who, threadName(t, v));
            case READ -> i18n.fmt("event.read", who, obj, String.valueOf(v));
            case WRITE -> i18n.fmt("event.write", who, obj, String.valueOf(v));
            case ACQUIRE -> acquire(t, o, who, obj, v);
            case BLOCK -> v >= 0 ? i18n.fmt("event.block", who, obj, threadName(t, v))
                    : isSemaphore(t, o) ? i18n.fmt("event.block_nobody", who, obj)
                    : i18n.fmt("event.block_wait", who, obj);
            case RELEASE -> isSemaphore(t, o) ? i18n.fmt("event.release_permit", who, obj, String.valueOf(v))
                    : i18n.fmt("event.release", who, obj);
            case TRY_FAIL -> i18n.fmt("event.try_fail", who, obj);
            case TIMEOUT -> i18n.fmt("event.timeout", who, obj);
            case EVENT_SET -> i18n.fmt("event.event_set", who, obj);
            case EVENT_CLEAR -> i18n.fmt("event.event_clear", who, obj);
            case EVENT_WAIT -> i18n.fmt(v == 0 ? "event.event_wait" : "event.event_wait_set", who, obj);
            case EVENT_DONE -> i18n.fmt("event.event_done", who, obj);
            case COND_WAIT -> i18n.fmt("event.cond_wait", who, obj);
            case COND_NOTIFY -> i18n.fmt("event.cond_notify_count", who, obj, v);
            case SLEEP -> i18n.fmt("event.sleep", who, TimeFormat.duration(v, t.header().virtualTime()));
            case YIELD -> i18n.fmt("event.yield", who);
            case JOIN -> i18n.fmt("event.join", who, threadName(t, v));
            case JOINED -> i18n.fmt("event.joined", who, threadName(t, v));
            case LOCAL_SET -> i18n.fmt("event.local_set", who, obj, t.string(v));
            case LOCAL_GET -> i18n.fmt("event.local_get", who, obj, t.string(v));
            case PRINT -> i18n.fmt("event.print", who, t.string(v));
            case ERROR -> i18n.fmt("event.error", who, t.string(v));
            case WAKE -> wake(t, who, o, obj, v);
            case SWITCH -> o == th ? switchToItself(who, v)
                    : SwitchReason.of(v) == SwitchReason.PREEMPTED && o >= 0
                    ? i18n.fmt("event.switch_preempted", who, threadName(t, o)) // the woken thread is the one coming in
                    : i18n.fmt("event.switch", who, reason(t, o, v));
            case PARAM -> param(t, o, v);
            case ACTION -> i18n.fmt("event.action", scenario != null && o < scenario.actions().size()
                    ? scenario.actionLabel(i18n.locale(), scenario.actions().get(o).name()) : "#" + o);
            case DEADLOCK -> i18n.fmt("event.deadlock", who, o >= 0 ? obj : "?");
            case STEP -> i18n.fmt("event.step", who);
            case BARRIER_WAIT -> i18n.fmt("event.barrier_wait", who, obj, String.valueOf(v),
                    String.valueOf(t.object(o).initial()));
            case BARRIER_PASS -> i18n.fmt("event.barrier_pass", who, obj, String.valueOf(v));
            case BARRIER_RESET -> i18n.fmt(v == 0 ? "event.barrier_reset" : "event.barrier_abort", who, obj);
            case QUEUE_PUT -> i18n.fmt("event.queue_put", who, obj, String.valueOf(v));
            case QUEUE_GET -> i18n.fmt("event.queue_get", who, obj, String.valueOf(v));
            case TASK_DONE -> i18n.fmt("event.task_done", who, obj, String.valueOf(v));
            case QUEUE_JOIN -> i18n.fmt("event.queue_join", who, obj, String.valueOf(v));
        };
    }

    private String acquire(Trace t, int o, String who, String obj, int v) {
        ObjectType type = t.object(o).type();
        if (type == ObjectType.RLOCK) {
            return i18n.fmt("event.acquire_depth", who, obj, String.valueOf(v));
        }
        if (isSemaphore(t, o)) {
            return i18n.fmt("event.acquire_permit", who, obj, String.valueOf(v));
        }
        return i18n.fmt("event.acquire", who, obj);
    }

    private static boolean isSemaphore(Trace t, int o) {
        if (o < 0) {
            return false;
        }
        ObjectType type = t.object(o).type();
        return type == ObjectType.SEMAPHORE || type == ObjectType.BOUNDED_SEMAPHORE;
    }

    private String wake(Trace t, String who, int o, String obj, int v) {
        if (o < 0 && v <= 0) {
            return i18n.fmt("event.wake_sleep", who);
        }
        if (v < 0) {
            return i18n.fmt("event.wake_timeout", who, obj);
        }
        if (o >= 0 && (t.object(o).type() == ObjectType.LOCK || t.object(o).type() == ObjectType.RLOCK)) {
            return i18n.fmt("event.wake_lock", who, obj);
        }
        return i18n.fmt("event.wake", who);
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
}
