display(plotHistory(history, { markOverfitting: true }));
plotCheckpoints(history, checkpoint)
