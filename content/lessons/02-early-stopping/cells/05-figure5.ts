plotEarlyStopping(history5, stopper5)
