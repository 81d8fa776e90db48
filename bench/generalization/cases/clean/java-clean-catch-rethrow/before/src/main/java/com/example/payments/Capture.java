package com.example.payments;

public class Capture {
}
