plotHistories({ 'patience 5': history5, 'patience 10': history10 })
