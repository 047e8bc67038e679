# S000-deploy: Deployment `app-deployment` (3 replicas) updated twice with `set image`, one pod at a time
# zh: Deployment `app-deployment`（3 副本）用 `set image` 更新两次，每次只替换一个 Pod
cat > app-deployment.yaml <<EOF
apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-deployment
  labels:
    app: app
spec:
  replicas: 3
  selector:
    matchLabels:
      app: app
  template:
    metadata:
      labels:
        app: app
    spec:
      containers:
        - name: app
          image: app:1.0.0
          ports:
            - containerPort: 8080
EOF
kubectl apply -f app-deployment.yaml
sleep 10
kubectl get deployment
kubectl get ReplicaSet
kubectl get pod
# 方式 1, as the seed types it: `--record` before the subcommand.
kubectl --record deployment.v1.apps/app-deployment set image deployment.v1.apps/app-deployment app=app:1.0.1
sleep 30
kubectl describe deployment app-deployment
# 方式 2.
kubectl set image deployment/app-deployment app=app:1.0.2 --record
sleep 30
kubectl describe deployment app-deployment
kubectl get rs
kubectl get pod
