# S000-strategy: Recreate vs RollingUpdate, percentage rounding, minReadySeconds and revisionHistoryLimit
# zh: Recreate 与 RollingUpdate、百分比取整、minReadySeconds 与 revisionHistoryLimit
# The seed describes these fields in prose; each Deployment below is the seed's app-deployment with one of them set
# (and its own name and labels, so that their selectors do not overlap).
cat > app-recreate.yaml <<EOF
apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-recreate
  labels:
    app: app-recreate
spec:
  replicas: 3
  strategy:
    type: Recreate
  selector:
    matchLabels:
      app: app-recreate
  template:
    metadata:
      labels:
        app: app-recreate
    spec:
      containers:
        - name: app
          image: app:1.0.0
          ports:
            - containerPort: 8080
EOF
kubectl apply -f app-recreate.yaml
sleep 10
kubectl set image deployment/app-recreate app=app:1.0.1
sleep 20
kubectl describe deployment app-recreate
# maxSurge 50% of 3 is 1.5, rounded up to 2; maxUnavailable 50% of 3 is 1.5, rounded down to 1.
cat > app-rolling.yaml <<EOF
apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-rolling
  labels:
    app: app-rolling
spec:
  replicas: 3
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxSurge: 50%
      maxUnavailable: 50%
  selector:
    matchLabels:
      app: app-rolling
  template:
    metadata:
      labels:
        app: app-rolling
    spec:
      containers:
        - name: app
          image: app:1.0.0
          ports:
            - containerPort: 8080
EOF
kubectl apply -f app-rolling.yaml
sleep 10
kubectl set image deployment/app-rolling app=app:1.0.1
sleep 20
kubectl describe deployment app-rolling
cat > app-minready.yaml <<EOF
apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-minready
  labels:
    app: app-minready
spec:
  replicas: 3
  minReadySeconds: 10
  selector:
    matchLabels:
      app: app-minready
  template:
    metadata:
      labels:
        app: app-minready
    spec:
      containers:
        - name: app
          image: app:1.0.0
          ports:
            - containerPort: 8080
EOF
kubectl apply -f app-minready.yaml
sleep 8
kubectl get deployment app-minready
sleep 12
kubectl get deployment app-minready
cat > app-history.yaml <<EOF
apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-history
  labels:
    app: app-history
spec:
  replicas: 3
  revisionHistoryLimit: 1
  selector:
    matchLabels:
      app: app-history
  template:
    metadata:
      labels:
        app: app-history
    spec:
      containers:
        - name: app
          image: app:1.0.0
          ports:
            - containerPort: 8080
EOF
kubectl apply -f app-history.yaml
sleep 10
kubectl set image deployment/app-history app=app:1.0.1
sleep 30
kubectl set image deployment/app-history app=app:1.0.2
sleep 30
kubectl set image deployment/app-history app=app:1.0.3
sleep 30
kubectl get rs -l app=app-history -o wide
kubectl rollout history deployment/app-history
