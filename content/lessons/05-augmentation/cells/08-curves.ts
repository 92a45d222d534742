plotHistory(history, { markOverfitting: true })
