def transactions_csv(merchant_id):
    return ""
