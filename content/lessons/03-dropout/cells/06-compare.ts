plotHistories({ 'without dropout': plainHistory, 'with dropout': dropoutHistory })
