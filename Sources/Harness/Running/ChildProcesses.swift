/// The processes Litmus starts, for commands that run for a long time and start lessons'
/// processes now and then (`litmus serve`).
public enum ChildProcesses {
    /// From now on, interrupting Litmus (SIGINT, SIGTERM, SIGHUP) stops every process it started
    /// and still runs, puts back any generated file a run set aside, and exits.
    public static func stopOnInterrupt() {
        ChildProcess.stopChildrenOnInterrupt()
    }
}
