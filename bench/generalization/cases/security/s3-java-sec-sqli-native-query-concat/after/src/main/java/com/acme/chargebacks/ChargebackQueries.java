package com.acme.chargebacks;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.springframework.stereotype.Repository;

@Repository
public class ChargebackQueries {

    @PersistenceContext
    private EntityManager entityManager;

    public Chargeback find(long id) {
        return entityManager.find(Chargeback.class, id);
    }

    @SuppressWarnings("unchecked")
    public List<Chargeback> byReason(String merchantId, String reasonCode) {
        String sql = "SELECT * FROM chargebacks WHERE merchant_id = '" + merchantId
                + "' AND reason_code = '" + reasonCode + "' ORDER BY opened_at DESC";
        return entityManager.createNativeQuery(sql, Chargeback.class).getResultList();
    }
}
