// Loaded by ijava-compat.ipynb with `%load ijava-helpers` (IJava adds the .jsh itself).
String greet(String name) {
    return "Hello, " + name + "!";
}
