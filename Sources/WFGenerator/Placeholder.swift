// WFGenerator
