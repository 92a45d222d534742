plotHistories({ 'without batch norm': plainHistory, 'with batch norm': bnHistory })
