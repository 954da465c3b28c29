import Systems
