display(plotCheckpoints(history, checkpoint));
checkpoint.toString()
