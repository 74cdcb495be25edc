// WFSnapshot
