package com.acme.sanctions;

import java.util.List;

public record ScreeningResult(String status, List<String> matchedLists) {}
