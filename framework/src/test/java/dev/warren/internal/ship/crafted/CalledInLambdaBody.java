package dev.warren.internal.ship.crafted;

public final class CalledInLambdaBody {
    private CalledInLambdaBody() {}

    public static int twice(int x) {
        return 2 * x;
    }
}
