package com.example.fx;

public class RatesClient {
}
