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
}
