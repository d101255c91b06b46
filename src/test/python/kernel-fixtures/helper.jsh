// A JShell script for the %load test.
int triple(int x) {
    return 3 * x;
}
