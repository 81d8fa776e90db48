/** Ledger persistence. */
package com.acme.ledger;
