# S000-sts: StatefulSet `app`: app-0, app-1, app-2 start in order, resolve by DNS name, and scale down in reverse
# zh: StatefulSet `app`：app-0、app-1、app-2 依次启动，可按 DNS 名称解析，缩容时逆序删除
cat > app-sts.yaml <<EOF
apiVersion: v1
kind: Service
metadata:
  name: app
  labels:
    app: app
spec:
  selector:
    app: app
  clusterIP: None
  ports:
    - name: default
      protocol: TCP
      port: 8080
      targetPort: 8080
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: app
spec:
  selector:
    matchLabels:
      app: app
  serviceName: "app"
  replicas: 3
  template:
    metadata:
      labels:
        app: app
    spec:
      terminationGracePeriodSeconds: 10
      containers:
        - name: app
          image: app:1.0.3
          imagePullPolicy: Never
          ports:
            - containerPort: 8080
              name: app
EOF
kubectl apply -f app-sts.yaml
sleep 1
kubectl get pods -l app=app
sleep 19
kubectl get pods -l app=app
kubectl get statefulset app
kubectl get svc app
# When each pod was created, and when it became Ready.
kubectl get pods -l app=app -o custom-columns='NAME:.metadata.name,CREATED:.metadata.creationTimestamp,READY-SINCE:.status.conditions[?(@.type=="Ready")].lastTransitionTime'
kubectl exec app-0 -- hostname
kubectl get pod app-2 -o jsonpath='{.status.podIP}'
kubectl exec app-0 -- nslookup app-2.app.default.svc.cluster.local
kubectl scale statefulset app --replicas=0
sleep 20
kubectl get pods -l app=app
kubectl describe statefulset app
