# S000-hpa: an autoscaling/v1 HPA on a ReplicaSet, 3..10 pods at 50% CPU, with a load the learner sets
# zh: autoscaling/v1 的 HPA 作用于 ReplicaSet，3 到 10 个副本、目标 CPU 50%，负载由学习者设定
# The seed's HPA as written: scaleTargetRef has no apiVersion, so the HPA cannot find a ReplicaSet in the core group.
cat > frontend-scaler.yaml <<EOF
apiVersion: autoscaling/v1
kind: HorizontalPodAutoscaler
metadata:
  name: frontend-scaler
spec:
  scaleTargetRef:
    kind: ReplicaSet
    name: frontend
  minReplicas: 3
  maxReplicas: 10
  targetCPUUtilizationPercentage: 50
EOF
kubectl apply -f frontend-scaler.yaml
sleep 20
kubectl get hpa frontend-scaler
kubectl describe hpa frontend-scaler
kubectl delete hpa frontend-scaler
# The ReplicaSet `frontend`, with the CPU request the HPA's percentage is taken of.
cat > frontend.yaml <<EOF
apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: frontend
spec:
  replicas: 3
  selector:
    matchLabels:
      tier: frontend
  template:
    metadata:
      labels:
        tier: frontend
    spec:
      containers:
        - name: app
          image: app:1.0.0
          imagePullPolicy: Never
          resources:
            requests:
              cpu: 100m
EOF
kubectl apply -f frontend.yaml
kubectl expose rs frontend --port=8080
# The seed's HPA with the target's API group named.
cat > frontend-scaler.yaml <<EOF
apiVersion: autoscaling/v1
kind: HorizontalPodAutoscaler
metadata:
  name: frontend-scaler
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: ReplicaSet
    name: frontend
  minReplicas: 3
  maxReplicas: 10
  targetCPUUtilizationPercentage: 50
EOF
kubectl apply -f frontend-scaler.yaml
sleep 60
kubectl get hpa frontend-scaler
# 300 requests a second from outside the cluster, spread over the Service's ready pods.
kubeplay load service/frontend 300
sleep 90
kubectl top pods -l tier=frontend
kubectl get hpa frontend-scaler
kubectl get rs frontend
kubeplay load service/frontend 0
sleep 2m
kubectl get hpa frontend-scaler
sleep 5m
kubectl get hpa frontend-scaler
kubectl describe hpa frontend-scaler
# Without CPU requests there is no percentage to compute: the seed's app-rs has none.
cat > app-rs.yaml <<EOF
apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: app-rs
spec:
  replicas: 3
  selector:
    matchLabels:
      tier: app-rs
  template:
    metadata:
      labels:
        tier: app-rs
    spec:
      containers:
        - name: app
          image: app:1.0.0
          imagePullPolicy: Never
EOF
kubectl apply -f app-rs.yaml
kubectl autoscale rs app-rs --min=3 --max=10 --cpu-percent=50
sleep 60
kubectl get hpa app-rs
kubectl describe hpa app-rs
