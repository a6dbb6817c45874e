"""Full screens of the app, each with its stylesheet beside it."""
