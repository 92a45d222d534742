plotEarlyStopping(history10, stopper10)
