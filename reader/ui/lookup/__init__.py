"""Word lookup: hover, click, pin and keyboard walk over whichever view is shown, and the pop-up."""
